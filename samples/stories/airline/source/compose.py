#!/usr/bin/env python3
"""Writes samples/stories/airline/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Krylo («Крыло», "Krylo Airlines"), a mid-price
airline with its hub at Vnukovo (flights and their delays and cancellations, check-in desks and gates, baggage,
cabin crew, seats and cabins, onboard meals, a booking and check-in app, fares and paid extras, miles, a call
centre and an in-app chat, refunds and claims), which in the summer of 2034 runs an overloaded schedule out of
its hub (delays all season), loses and breaks bags after a baggage-sorting failure at Vnukovo at the end of June
(weeks 3-4), and two competitors, the punctual and dear full-service Aerostar and the low-cost SkyHop.
Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date: placed after it (weeks start on Mondays 5 June ... 24 July)
        (('3 july',), [0, 0, 0, 0, 0, 0, 0, 1]),  # "four weeks" after 3 July
        (('24 июня', '27 june'), [0, 0, 0, 0, 0, 1, 1, 0]),  # "three weeks" after the flight
        (('15 июня',), [0, 0, 1, 1, 0, 0, 0, 0]),
        (('1 июля', '15 июля'), [0, 1, 1, 1, 0, 0, 0, 0]),  # announcements ahead of the date
        (('2 июля', '8 июля', '20 июля'), [0, 0, 0, 0, 1, 1, 0, 0]),
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if any(w in low for w in ('август', 'august', 'сентябр', 'september', 'октябр', 'october', 'до конца июля', 'end of july')):
        return [1, 2, 2, 2, 2, 1, 0, 0]
    if any(w in low for w in ('прошло 40', 'day 47', 'шестую неделю', 'seven weeks', 'eight weeks', 'два месяца', 'месяц', 'a month',
                              'three weeks', 'три недели', 'третью неделю', 'four weeks')):
        return [0, 0, 0, 1, 2, 2, 3, 3]  # written weeks after the flight
    if brand == 'krylo' and ('d-' in codes or 'ret-' in codes):
        return [1, 1, 4, 4, 3, 2, 2, 2]  # the baggage-sorting failure at Vnukovo at the end of June
    if 'w-' in codes:
        return [1, 2, 2, 3, 3, 3, 3, 2]  # delays grow with the summer peak and July thunderstorms
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='krylo', competitors=['aerostar', 'skyhop'], seed=20340730,
    start=dt.datetime(2034, 6, 5), weeks=8,  # Monday 5 June - Sunday 30 July 2034
    files=['krylo_ru.txt', 'krylo_en.txt', 'aerostar.txt', 'skyhop.txt'], extras='extras.txt',
    customer_prefix='kr-',
    places={'krylo': ['krylo-vnukovo-check-in', 'krylo-vnukovo-baggage-desk', 'krylo-office-tverskaya'],
            'aerostar': ['aerostar-sheremetyevo'],
            'skyhop': ['skyhop-vnukovo-check-in']},
    place_words={'багаж': 'vnukovo-baggage-desk', 'baggage': 'vnukovo-baggage-desk', 'стойк': 'vnukovo-check-in',
                 'check-in': 'vnukovo-check-in', 'регистрац': 'vnukovo-check-in'},
    week_weights=week_weights,
    blogs=['letim-deshevle', 'avia-obzor', 'expat-travel-notes', 'mili-i-bally'],
    chats_ru=['letim_na_yug', 'mamy_puteshestvuyut', 'chastye_polety'], chats_en=['expats_city_chat', 'moscow_travellers'],
    vk_groups=['6120448', '3309172', '7745016'],
    cross_post_at=dt.timedelta(days=31, hours=11, minutes=7),  # Thursday 6 July
    cross_post_author={'name': 'Наталья Веснина', 'handle': 'natalia_vesnina'},
    spam_authors=[{'name': 'Дешёвые Авиабилеты', 'handle': 'deshevye_avia_bilety'}, {'name': 'Мили Купить', 'handle': 'mili_kupit_prodat'}],
    flood_at=dt.timedelta(days=16, hours=20, minutes=44),  # Wednesday 21 June
    flood_author={'name': 'Авиабилеты Полцены', 'handle': 'aviabilety_poltseny_example'},
    duplicate_sources=['app', 'typeform', 'telegram'],
))
