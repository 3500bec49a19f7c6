#!/usr/bin/env python3
"""Writes samples/stories/railway/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Semafor («Семафор», "Semafor Rail"), a private train
operator with long-distance day and night trains out of Moscow (Kazan, Nizhny Novgorod, Petersburg, Voronezh,
Yaroslavl) and suburban express trains to Podolsk, Serpukhov and Tula (trains and their delays and cancellations,
ticket offices and barriers, conductors and inspectors, carriages, heating and toilets, the dining car and the
trolley, a ticket app with QR tickets and a live train map, fares, points, a hotline and a chat, refunds and
delay compensation), which in the winter of 2034-35 runs its suburban trains late through track repairs on the
southern line in December (weeks 1-3) and freezes in a January cold snap (weeks 6-7: heating failures, frozen
toilets, long delays), and two competitors, the punctual and dear national carrier Magistral and the intercity
coach company Dilizhans. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date: placed after it (weeks start on Mondays 4 December ... 22 January)
        (('10 january', 'третью неделю', 'three weeks'), [0, 0, 0, 0, 0, 0, 0, 1]),
        (('12 января',), [0, 0, 0, 0, 0, 1, 1, 0]),
        (('с 15 января',), [0, 0, 0, 1, 1, 1, 0, 0]),  # an announcement ahead of the date
        (('9 декабря',), [0, 1, 1, 1, 0, 0, 0, 0]),
        (('за декабрь', 'декабрьские', 'since november'), [0, 0, 0, 0, 1, 1, 1, 0]),
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if any(w in low for w in ('январ', 'january', '-20', 'зима наступила')):
        return [0, 0, 0, 0, 1, 3, 3, 1]
    if brand == 'semafor' and 'cl-' in codes and any(w in low for w in ('холод', 'отоплен', '+1', 'замёрз', 'freez', 'heating', 'cold', 'kholodno', 'coats', 'ice ')):
        return [1, 1, 1, 1, 2, 4, 4, 2]  # the January cold snap
    if brand == 'semafor' and 'w-' in codes and any(w in low for w in ('электрич', 'подольск', 'серпухов', 'тул', 'бутово', 'commuter', 'podolsk', 'tula', 'serpukhov')):
        return [3, 3, 3, 1, 1, 2, 2, 1]  # track repairs on the southern line in December
    if brand == 'semafor' and 'w-' in codes:
        return [1, 1, 2, 2, 2, 3, 3, 2]
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='semafor', competitors=['magistral', 'dilizhans'], seed=20350128,
    start=dt.datetime(2034, 12, 4), weeks=8,  # Monday 4 December 2034 - Sunday 28 January 2035
    files=['semafor_ru.txt', 'semafor_en.txt', 'magistral.txt', 'dilizhans.txt'], extras='extras.txt',
    customer_prefix='sm-',
    places={'semafor': ['semafor-kursky-ticket-office', 'semafor-kursky-lounge', 'semafor-kazansky-platforms'],
            'magistral': ['magistral-leningradsky'],
            'dilizhans': ['dilizhans-krasnogvardeyskaya']},
    place_words={'касс': 'kursky-ticket-office', 'ticket office': 'kursky-ticket-office', 'desk': 'kursky-ticket-office',
                 'зал ожидания': 'kursky-lounge', 'lounge': 'kursky-lounge', 'турникет': 'kazansky-platforms',
                 'платформ': 'kazansky-platforms', 'platform': 'kazansky-platforms'},
    week_weights=week_weights,
    blogs=['poezdom-po-rossii', 'rail-notes', 'expat-travel-notes', 'bally-i-skidki'],
    chats_ru=['elektrichka_podolsk', 'mamy_puteshestvuyut', 'poezda_i_vokzaly'], chats_en=['expats_city_chat', 'moscow_travellers'],
    vk_groups=['5218830', '4407129', '8830552'],
    cross_post_at=dt.timedelta(days=38, hours=6, minutes=12),  # Thursday 11 January 2035
    cross_post_author={'name': 'Ирина Громова', 'handle': 'irina_gromova'},
    spam_authors=[{'name': 'Дешёвые ЖД Билеты', 'handle': 'deshevye_zhd_bilety'}, {'name': 'Бонусы Купить', 'handle': 'bonusy_kupit_prodat'}],
    flood_at=dt.timedelta(days=17, hours=19, minutes=31),  # Thursday 21 December 2034
    flood_author={'name': 'ЖД Билеты Скидка', 'handle': 'zhd_bilety_skidka_example'},
    duplicate_sources=['app', 'typeform', 'telegram'],
))
