#!/usr/bin/env python3
"""Writes samples/stories/cardealer/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Kardan («Кардан»), a car dealership in Kazan with a
service centre (buying a car: stock and models, test drives, sales managers, price, trade-in, credit and payment; the
service centre: repair quality, parts ordered and the car ready late, waiting in the lounge, online booking on the
site and in the app, the call centre, warranty claims, a loyalty card, the location and parking, the showroom), which
launches the Torus crossover with test drives from 9 March 2038, moves its booking to a new app on 16 March (crashes,
lost bookings and points until a fix on 6 April), and meets the spring tyre-change rush and a parts shortage in
weeks 4-7 (cars kept for weeks, long waits in the lounge, an overloaded call centre, warranty claims waiting for the
importer); and two competitors, the multi-brand used-car dealer Avtogavan and the official dealer DriveCity.
Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date or an event: placed after it (weeks start on Mondays 1 March ... 19 April)
        (('8 марта', 'к 8 март'), [2, 0, 0, 0, 0, 0, 0, 0]),
        (('с 3 марта', 'since 3 march', 'сейчас апрель', "it's april", 'в апреле'), [0, 0, 0, 0, 2, 3, 3, 2]),
        (('торус', 'torus'), [0, 3, 3, 2, 2, 1, 1, 1]),
        (('новое приложение', 'new kardan app', 'после обновления', 'after the app update'), [0, 0, 4, 3, 2, 0, 0, 0]),
        (('шиномонтаж', 'резину', 'tyre fitting', 'шины'), [0, 1, 2, 4, 4, 3, 2, 1]),
        (('третью неделю', 'three weeks', 'три недели', 'две недели', 'two weeks', 'пятую неделю', 'week five',
          'месяц', 'a month'), [0, 0, 0, 2, 3, 3, 3, 2]),
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if brand == 'kardan' and ('d-' in codes or 'w-' in codes or 'su-' in codes or 'ret-' in codes):
        return [1, 1, 2, 3, 4, 4, 3, 2]  # the spring rush and the parts shortage
    if brand == 'kardan' and 'ap-' in codes:
        return [0, 0, 4, 4, 3, 1, 1, 1]  # the new booking app from 16 March
    if brand == 'kardan' and ('ap+' in codes or 'd+' in codes):
        return [3, 3, 1, 1, 1, 2, 3, 3]
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='kardan', competitors=['avtogavan', 'drivecity'], seed=20380301,
    start=dt.datetime(2038, 3, 1), weeks=8,  # Monday 1 March - Sunday 25 April 2038
    files=['kardan_ru.txt', 'kardan_en.txt', 'avtogavan.txt', 'drivecity.txt'], extras='extras.txt',
    customer_prefix='kd-',
    places={'kardan': ['kardan-sibirsky-trakt', 'kardan-prospekt-pobedy'],
            'avtogavan': ['avtogavan-ametyevo'],
            'drivecity': ['drivecity-m7']},
    place_words={'проспект победы': 'prospekt-pobedy', 'проспекте победы': 'prospekt-pobedy', 'метро': 'prospekt-pobedy',
                 'metro': 'prospekt-pobedy', 'трасс': 'sibirsky-trakt', 'промзон': 'sibirsky-trakt',
                 'industrial zone': 'sibirsky-trakt', 'ring road': 'sibirsky-trakt', 'кольцев': 'sibirsky-trakt'},
    week_weights=week_weights,
    blogs=['avto-kazan', 'za-rulem-116', 'expat-kazan-notes'],
    chats_ru=['avtoklub_kazan', 'sosedi_azino', 'mamy_kazani'], chats_en=['expats_kazan', 'kfu_intl_students'],
    vk_groups=['4418203', '6630918', '1957724'],
    cross_post_at=dt.timedelta(days=30, hours=18, minutes=42),  # Wednesday 31 March 2038
    cross_post_author={'name': 'Тимур Галиев', 'handle': 'timur_galiev116'},
    spam_authors=[{'name': 'Автоподбор Казань', 'handle': 'autopodbor_kzn'}, {'name': 'Car Deals Now', 'handle': 'car_deals_now'}],
    flood_at=dt.timedelta(days=44, hours=21, minutes=27),  # Wednesday 14 April 2038
    flood_author={'name': 'Выкуп Авто 24', 'handle': 'vykup_avto_24_example'},
    duplicate_sources=['site', 'typeform', 'vk'],
))
