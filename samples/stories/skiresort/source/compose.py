#!/usr/bin/env python3
"""Writes samples/stories/skiresort/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Snezhnik («Снежник»), a ski resort an hour from
Yekaterinburg (lifts, a new gondola and their queues, slopes, snowmaking and grooming, ski and snowboard rental,
instructors and a ski school, lift passes and their prices, an app with e-passes, lift status and a piste map,
cafés on the mountain, changing rooms, lockers and toilets, car parks and shuttle buses, the ticket office, refunds
for days the lifts were closed by wind, a loyalty programme, a hotline and a chat) in the winter of 2035-36: the
New Year holidays (weeks 3-4: hour-long gondola and ticket-office queues, full car parks) and a wind storm that
closes the lifts on Friday 18 January 2036 (week 5; refunds offered as points and claims that wait for weeks),
and two competitors, the old cheap resort Vysota and the new upscale Glade. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date: placed after it (weeks start on Mondays 17 December ... 4 February)
        (('с 20 декабря',), [3, 0, 0, 0, 0, 0, 0, 0]),  # an announcement ahead of the date
        (('2 января', 'второго января', '3 января', '4 января', '2 january', '3 january'), [0, 0, 0, 3, 1, 0, 0, 0]),
        (('15 рабочих дней', 'три недели', 'three weeks', 'уже месяц'), [0, 0, 0, 0, 0, 0, 0, 3]),  # weeks after the storm
        (('18 января', '19 января', 'on the 18th', '18 january', '19 january', 'ветер закрыл', 'из-за ветра', 'за ветер', 'ветрен',
          'wind day', 'wind-day', 'for wind', 'for the wind', 'wind-closed', 'закрытый день', 'closed day', 'закрыли всё',
          'закрытую гору', 'closed mountain'), [0, 0, 0, 0, 0, 3, 3, 2]),
        (('новый год', 'new year'), [0, 0, 3, 2, 0, 0, 0, 0]),
        (('праздники кончились', 'holidays are over'), [0, 0, 0, 3, 1, 0, 0, 0]),
        (('праздник', 'holiday'), [0, 1, 3, 3, 0, 0, 0, 0]),
        (('в феврале', '20 февраля', 'february'), [0, 0, 0, 0, 1, 2, 2, 2]),
        (('24 and 25 january',), [0, 0, 1, 2, 1, 0, 0, 0]),
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if brand == 'snezhnik' and ('w-' in codes or 'loc-' in codes):
        return [1, 2, 4, 4, 1, 1, 1, 1]  # the New Year holidays fill the lifts, the ticket office and the car parks
    if brand == 'snezhnik' and 'ret' in ' '.join(codes):
        return [0, 0, 0, 0, 0, 3, 3, 2]  # refunds for the wind day of 18 January
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='snezhnik', competitors=['vysota', 'glade'], seed=20360210,
    start=dt.datetime(2035, 12, 17), weeks=8,  # Monday 17 December 2035 - Sunday 10 February 2036
    files=['snezhnik_ru.txt', 'snezhnik_en.txt', 'vysota.txt', 'glade.txt'], extras='extras.txt',
    customer_prefix='sn-',
    places={'snezhnik': ['snezhnik-base-station', 'snezhnik-gondola', 'snezhnik-ski-school', 'snezhnik-rental'],
            'vysota': ['vysota-ski-resort'],
            'glade': ['glade-mountain']},
    place_words={'гондол': 'gondola', 'gondola': 'gondola', 'школ': 'ski-school', 'инструктор': 'ski-school',
                 'instructor': 'ski-school', 'прокат': 'rental', 'rental': 'rental'},
    week_weights=week_weights,
    blogs=['gory-urala', 'na-sklone', 'expat-yekaterinburg-notes'],
    chats_ru=['gornolyzhniki_ekb', 'mamy_ekb', 'snoubord_ural'], chats_en=['expats_yekaterinburg', 'ural_ski_intl'],
    vk_groups=['4418207', '9902316', '6604581'],
    cross_post_at=dt.timedelta(days=33, hours=10, minutes=48),  # Saturday 19 January 2036
    cross_post_author={'name': 'Вероника Шестакова', 'handle': 'veronika_shestakova'},
    spam_authors=[{'name': 'Скипасс Дёшево', 'handle': 'skipass_deshevo'}, {'name': 'Горнолыжка Распродажа', 'handle': 'gornolyzhka_rasprodazha'}],
    flood_at=dt.timedelta(days=16, hours=18, minutes=22),  # Wednesday 2 January 2036
    flood_author={'name': 'Скипасс Скидки', 'handle': 'skipass_skidki_example'},
    duplicate_sources=['app', 'typeform', 'telegram'],
))
