#!/usr/bin/env python3
"""Writes samples/stories/carsharing/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Rulim, a city car-sharing service in Moscow (a young
fleet, an app that finds, unlocks and closes the cars, per-minute, hourly and daily rates with surge, a wide
finish zone with free city parking, a deposit, fines and damage bills charged to the card, a support chat
fronted by a bot and a damage desk, «рулики» points and a subscription), which in the summer of 2031 starts an
automatic photo check of damage and a new cleaning contractor, and two competitors, the old and large Gorodcar
and the cheap newcomer Zoomly. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if any(w in low for w in ('12 июня', 'june 12')):
        return [1, 2, 0, 0, 0, 0, 0, 0]
    if any(w in low for w in ('жара', 'жару', 'heatwave', 'heat wave', '+34', '+35')):
        return [0, 0, 0, 1, 3, 3, 1, 0]  # the July heatwave
    if brand == 'rulim' and ('pay-' in codes or 'ret-' in codes):
        return [0, 1, 2, 3, 3, 3, 3, 3]  # the automatic damage check starts in week 2
    if brand == 'rulim' and 'cl-' in codes:
        return [1, 1, 1, 2, 3, 3, 3, 3]  # the new cleaning contractor from the end of June
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='rulim', competitors=['gorodcar', 'zoomly'], seed=20310727,
    start=dt.datetime(2031, 6, 2), weeks=8,  # Monday 2 June - Sunday 27 July 2031
    files=['rulim_ru.txt', 'rulim_en.txt', 'gorodcar.txt', 'zoomly.txt'], extras='extras.txt',
    customer_prefix='rlm-',
    places={'rulim': ['rulim-moskva', 'rulim-skladochnaya'],
            'gorodcar': ['gorodcar-moskva', 'gorodcar-sheremetyevo'],
            'zoomly': ['zoomly-moskva']},
    place_words={'складочн': 'skladochnaya', 'офис': 'skladochnaya', 'office': 'skladochnaya',
                 'шереметьев': 'sheremetyevo', 'аэропорт': 'sheremetyevo', 'airport': 'sheremetyevo'},
    week_weights=week_weights,
    blogs=['gorod-bez-mashiny', 'drive-share-digest', 'moscow-expat-guide', 'mobilnost-obzor'],
    chats_ru=['zhk_serdtse_stolitsy', 'kovorking_savelovskaya', 'karshering_msk_chat'], chats_en=['expats_moscow', 'moscow_newcomers_en'],
    vk_groups=['5581302', '4729014', '6038815'],
    cross_post_at=dt.timedelta(days=23, hours=22, minutes=41),  # Wednesday 25 June
    cross_post_author={'name': 'Глеб Орлов', 'handle': 'gleb_orlov'},
    spam_authors=[{'name': 'Снятие Штрафов', 'handle': 'shtrafy_net_2031'}, {'name': 'Аккаунт Каршеринга', 'handle': 'akk_bez_prav'}],
    flood_at=dt.timedelta(days=44, hours=13, minutes=17),  # Wednesday 16 July
    flood_author={'name': 'Верну Депозит', 'handle': 'depozit_example'},
    duplicate_sources=['app', 'google_forms', 'telegram'],
))
