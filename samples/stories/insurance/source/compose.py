#!/usr/bin/env python3
"""Writes samples/stories/insurance/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Opora, a Moscow insurance company (motor ОСАГО and
КАСКО, home and travel policies; agents and sales offices, roadside claims commissioners and inspection experts,
claims settlement and payouts, partner repair shops, a call centre and chat, an app for buying policies and
filing claims with photos, premiums, instalments and autopay), whose claims department is swamped by the hail
of 19 September, and two competitors, the old office-network insurer Zaslon and the app-only insurer Insurly.
Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if any(w in low for w in ('град', 'hail')):
        return [0, 0, 2, 3, 3, 2, 2, 1]  # the hailstorm of Thursday 19 September and the claims after it
    if any(w in low for w in ('турци', 'египет', 'отпуск', 'turkey', 'holiday', 'vacation', 'abroad', 'за границ')):
        return [3, 3, 2, 1, 1, 0, 0, 0]  # travel policies at the end of the holiday season
    if brand == 'opora' and ('ret-' in codes or 'su-' in codes):
        return [1, 1, 1, 3, 3, 3, 2, 2]
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='opora', competitors=['zaslon', 'insurly'], seed=20301027,
    start=dt.datetime(2030, 9, 2), weeks=8,  # Monday 2 September - Sunday 27 October 2030
    files=['opora_ru.txt', 'opora_en.txt', 'zaslon.txt', 'insurly.txt'], extras='extras.txt',
    customer_prefix='opr-',
    places={'opora': ['opora-profsoyuznaya', 'opora-khimki', 'opora-lyubertsy'],
            'zaslon': ['zaslon-taganka', 'zaslon-sokol'],
            'insurly': ['insurly-office']},
    place_words={'профсоюзн': 'profsoyuznaya', 'profsoyuzn': 'profsoyuznaya', 'химк': 'khimki', 'khimki': 'khimki',
                 'люберц': 'lyubertsy', 'lyubertsy': 'lyubertsy', 'таганк': 'taganka'},
    week_weights=week_weights,
    blogs=['avtoyurist-blog', 'moscow-expat-guide', 'strakhovanie-bez-obmana', 'drive-obzor'],
    chats_ru=['avtomobilisty_khimki', 'zhk_lyubertsy_chat', 'kasko_pomoshch'], chats_en=['expats_moscow', 'moscow_drivers_en'],
    vk_groups=['3317720', '6604128', '1928345'],
    cross_post_at=dt.timedelta(days=23, hours=19, minutes=26),  # Wednesday 25 September
    cross_post_author={'name': 'Григорий Лазарев', 'handle': 'g_lazarev'},
    spam_authors=[{'name': 'Автоюрист 24', 'handle': 'autoyurist_24'}, {'name': 'ОСАГО дешево', 'handle': 'osago_deshevo_2030'}],
    flood_at=dt.timedelta(days=31, hours=10, minutes=17),  # Thursday 3 October
    flood_author={'name': 'Выплаты без отказа', 'handle': 'vyplaty_example'},
    duplicate_sources=['yandex_maps', 'typeform', 'telegram'],
))
