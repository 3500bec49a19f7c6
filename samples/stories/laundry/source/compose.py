#!/usr/bin/env python3
"""Writes samples/stories/laundry/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Svezho («Свежо»), a chain of dry-cleaning and laundry
points in Kazan with courier pick-up and return (stain removal, shrunk, faded and damaged garments, lost items,
turnaround times, receivers at the counter and couriers, a booking app with order status and photos taken at
intake, prices and an urgent-service surcharge, compensation claims, a points card, card payments and prepayment,
a hotline and a chat), which in the autumn of 2035 moves all cleaning to a new central plant on 10 September
(weeks 2-5: shrunk and faded garments, late and lost orders, an overloaded hotline; claims for compensation wait
for weeks), and two competitors, the old-school dry cleaner Krahmal and the courier-only laundry WashGo.
Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date: placed after it (weeks start on Mondays 3 September ... 22 October)
        (('1 сентября',), [3, 2, 0, 0, 0, 0, 0, 0]),
        (('11 september', '12 сентября', '13 september', '14 сентября', '15-го', '14th'), [0, 0, 0, 3, 2, 1, 0, 0]),
        (('20 сентября',), [0, 0, 0, 0, 2, 3, 2, 1]),
        (('после 10 сентября', 'новой «фабрики»', 'new plant', 'новую фабрику', 'новая фабрика', 'third email', 'третье письмо',
          'третью неделю', 'three weeks', 'месяц', 'month'), [0, 0, 1, 2, 3, 3, 2, 1]),
        (('в октябре', 'осень', 'autumn', 'winter is coming', 'пуховик', 'down jacket', 'puffer'), [0, 0, 1, 1, 2, 3, 3, 3]),
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if brand == 'svezho' and 'ret-' in codes:
        return [0, 0, 1, 2, 3, 3, 3, 2]  # claims for the damage of September wait for weeks
    if brand == 'svezho' and ('q-' in codes or 'd-' in codes or 'su-' in codes):
        return [1, 3, 4, 4, 3, 2, 1, 1]  # the new central plant from 10 September and the calls it brings
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='svezho', competitors=['krahmal', 'washgo'], seed=20351028,
    start=dt.datetime(2035, 9, 3), weeks=8,  # Monday 3 September - Sunday 28 October 2035
    files=['svezho_ru.txt', 'svezho_en.txt', 'krahmal.txt', 'washgo.txt'], extras='extras.txt',
    customer_prefix='sv-',
    places={'svezho': ['svezho-chistopolskaya', 'svezho-yamasheva', 'svezho-baumana', 'svezho-fuchika', 'svezho-pobedilova'],
            'krahmal': ['krahmal-dekabristov', 'krahmal-amirkhana'],
            'washgo': ['washgo-legal-address']},
    place_words={'чистопольск': 'chistopolskaya', 'chistopolskaya': 'chistopolskaya', 'ямашева': 'yamasheva',
                 'yamasheva': 'yamasheva', 'баумана': 'baumana', 'фучика': 'fuchika', 'победилова': 'pobedilova',
                 'декабристов': 'dekabristov', 'dekabristov': 'dekabristov', 'амирхана': 'amirkhana'},
    week_weights=week_weights,
    blogs=['kazan-bytovoe', 'chisto-i-tochka', 'expat-kazan-diary'],
    chats_ru=['sosedi_azino', 'mamy_kazani', 'novostroyki_sovetskiy'], chats_en=['expats_kazan_chat', 'kfu_intl_students'],
    vk_groups=['5512093', '8830417', '3371926'],
    cross_post_at=dt.timedelta(days=15, hours=9, minutes=26),  # Tuesday 18 September 2035
    cross_post_author={'name': 'Алсу Гарипова', 'handle': 'alsu_garipova'},
    spam_authors=[{'name': 'Стирка Дёшево', 'handle': 'stirka_deshevo'}, {'name': 'Пятновыводитель Супер', 'handle': 'pyatnovyvoditel_super'}],
    flood_at=dt.timedelta(days=31, hours=20, minutes=4),  # Thursday 4 October 2035
    flood_author={'name': 'Пятна Прочь', 'handle': 'pyatna_proch_example'},
    duplicate_sources=['app', 'typeform', 'telegram'],
))
