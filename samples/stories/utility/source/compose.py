#!/usr/bin/env python3
"""Writes samples/stories/utility/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Yarko («Ярко», "Yarko Energy"), an electricity supplier
for Nizhny Novgorod and its region with its own grid crews (the supply itself and its outages, monthly bills, meter
readings, smart-meter installation visits, field engineers and customer offices, a call centre and an in-app chat,
a personal-account app, tariffs and a rise, autopay points, refunds of overpayments and claims for appliances
damaged by surges), which in the spring of 2035 moves to a new billing system on 1 March (weeks 1-4: wrong and
double bills, payments not credited, late fees for debts that do not exist, an overloaded call centre, refunds that
wait for weeks) and keeps the lights on through a storm on Saturday 14 April (week 6), and two competitors, the old
regional supplier Zaryad and the online-only Gridline. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date: placed after it (weeks start on Mondays 5 March ... 23 April)
        (('ураган', 'storm', '14 апреля', 'on the 14th', 'tree fell'), [0, 0, 0, 0, 0, 0, 3, 2]),
        (('22 апреля',), [0, 0, 0, 0, 1, 2, 1, 0]),  # an announcement ahead of the date
        (('12 марта', '12 march', '14 марта', '14 march', '20 march', 'since 10 march', 'five weeks', 'a month', 'месяц', 'third email', 'second request', 'повторно'),
         [0, 0, 0, 0, 2, 3, 3, 2]),
        (('april bill', 'в апреле', 'end of april'), [0, 0, 0, 0, 2, 2, 2, 1]),
        (('2 марта', '3 марта', '4 марта', '5 марта', '3 march', 'on the 2nd', 'on the 4th', '1 and 4 march', 'three weeks'), [0, 2, 2, 2, 1, 0, 0, 0]),
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if brand == 'yarko' and 'ret-' in codes:
        return [0, 1, 1, 2, 3, 3, 3, 3]  # refunds of the March overcharges wait for weeks
    if brand == 'yarko' and ('pay-' in codes or 'su-' in codes):
        return [3, 4, 4, 3, 2, 1, 1, 1]  # the new billing system from 1 March and the calls it brings
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='yarko', competitors=['zaryad', 'gridline'], seed=20350429,
    start=dt.datetime(2035, 3, 5), weeks=8,  # Monday 5 March - Sunday 29 April 2035
    files=['yarko_ru.txt', 'yarko_en.txt', 'zaryad.txt', 'gridline.txt'], extras='extras.txt',
    customer_prefix='ya-',
    places={'yarko': ['yarko-office-belinskogo', 'yarko-office-moskovskoe-shosse', 'yarko-office-kstovo'],
            'zaryad': ['zaryad-office-sovetskaya'],
            'gridline': ['gridline-legal-address']},
    place_words={'белинск': 'office-belinskogo', 'belinskogo': 'office-belinskogo', 'московском шоссе': 'office-moskovskoe-shosse',
                 'кстово': 'office-kstovo', 'kstovo': 'office-kstovo'},
    week_weights=week_weights,
    blogs=['kommunalka-bez-nervov', 'dom-i-schet', 'expat-nizhny-notes', 'energo-obzor'],
    chats_ru=['sosedi_gagarina', 'avtozavod_chat', 'mamy_nizhnego'], chats_en=['expats_nizhny_chat', 'it_relocants_nn'],
    vk_groups=['6631097', '2094418', '7718263'],
    cross_post_at=dt.timedelta(days=9, hours=8, minutes=41),  # Wednesday 14 March 2035
    cross_post_author={'name': 'Кристина Лаврова', 'handle': 'kristina_lavrova'},
    spam_authors=[{'name': 'Экономия Электричества', 'handle': 'ekonomiya_elektrichestva'}, {'name': 'Счётчики Магнит', 'handle': 'schetchiki_magnit'}],
    flood_at=dt.timedelta(days=23, hours=21, minutes=17),  # Wednesday 28 March 2035
    flood_author={'name': 'Экономия Света', 'handle': 'ekonomiya_sveta_example'},
    duplicate_sources=['app', 'typeform', 'telegram'],
))
