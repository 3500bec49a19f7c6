#!/usr/bin/env python3
"""Writes samples/stories/moving/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Pereezd («Переезд»), a moving and removals company in
Kazan (crews of movers with a foreman, packing, furniture taken apart and rebuilt, trucks, quotes and the final bill,
broken and lost things, booked days and time windows, a storage warehouse, a booking site and an app with truck
tracking, a call centre and a chat, a claims desk and compensation, a returning-customer discount, promo codes and
referrals), whose subcontracted movers leave at the height of the season, from Monday 18 June 2040 (weeks 3-6: crews
late, rescheduled or not coming, new movers who break things, a call centre that cannot cope), and whose storage
warehouse is flooded on Tuesday 3 July (wet and mouldy things, claims that take weeks); and two competitors, the cheap
removals firm Muravey and the app-first moving marketplace Movly. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    dated = [  # texts that name a date or an event: placed after it (weeks start on Mondays 4 June ... 23 July)
        (('14 июня', '14 june'), [0, 1, 2, 1, 0, 0, 0, 0]),
        (('22 июня', '22 june'), [0, 0, 2, 2, 0, 0, 0, 0]),
        (('затоп', 'потоп', 'flood', 'намок', 'mould', 'плесен', 'wet', 'мокр', 'damp', 'течёт', 'leaks'),
         [0, 0, 0, 0, 3, 3, 3, 2]),  # the warehouse flooded on 3 July
        (('претенз', 'компенс', 'claim', 'compensat'), [0, 1, 2, 3, 3, 3, 3, 2]),
        (('не приехал', 'не доехал', 'перенос', 'переносил', 'перенесли', 'нехватк', 'не хватает', 'нет свободных',
          'нет людей', 'shortage', 'never came', "didn't show", 'reschedul', 'cancelled', 'отменил', 'опоздал',
          'late', 'не было', 'в пути', 'on the way', 'июнь', 'june'), [0, 0, 3, 4, 4, 3, 1, 1]),
    ]
    for words, weights in dated:
        if any(w in low for w in words):
            return weights
    if brand == 'pereezd' and ('d-' in codes or 'su-' in codes or 'w-' in codes or 'st-' in codes):
        return [1, 1, 3, 3, 3, 3, 2, 1]
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='pereezd', competitors=['muravey', 'movly'], seed=20400703,
    start=dt.datetime(2040, 6, 4), weeks=8,  # Monday 4 June - Sunday 29 July 2040
    files=['pereezd_ru.txt', 'pereezd_en.txt', 'muravey.txt', 'movly.txt'], extras='extras.txt',
    customer_prefix='pz-',
    places={'pereezd': ['pereezd-office-baumana', 'pereezd-sklad-gorki', 'pereezd-sklad-avtodorozhnaya'],
            'muravey': ['muravey-office'],
            'movly': ['movly-kazan']},
    place_words={'склад': 'sklad-gorki', 'storage': 'sklad-gorki', 'warehouse': 'sklad-gorki', 'горк': 'sklad-gorki',
                 'кольцев': 'sklad-avtodorozhnaya', 'за город': 'sklad-avtodorozhnaya'},
    week_weights=week_weights,
    blogs=['kazan-pereezd-diary', 'kvartirny-vopros-kzn', 'expat-in-kazan'],
    chats_ru=['pereezd_kazan_chat', 'novostroyki_kzn', 'mamy_kazani'], chats_en=['expats_kazan', 'kfu_intl_students'],
    vk_groups=['3902218', '5567104', '7218843'],
    cross_post_at=dt.timedelta(days=18, hours=13, minutes=22),  # Friday 22 June 2040, midday
    cross_post_author={'name': 'Алина Захарова', 'handle': 'alina_zakharova_kzn'},
    spam_authors=[{'name': 'Грузчики Дёшево 24', 'handle': 'gruzchiki_deshevo_24'}, {'name': 'Коробки Опт', 'handle': 'korobki_opt'}],
    flood_at=dt.timedelta(days=44, hours=21, minutes=3),  # Wednesday 18 July 2040
    flood_author={'name': 'Cheap Movers Kazan', 'handle': 'cheap_movers_kzn'},
    duplicate_sources=['site', 'typeform', 'vk'],
))
