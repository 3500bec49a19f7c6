#!/usr/bin/env python3
"""Writes samples/stories/electronics/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Amperia, a consumer-electronics and home-appliance
retailer (stores, online shop, delivery and installation, returns and warranty, support line, app), and two
competitors, Tsifrograd and BytExpress. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if any(w in low for w in ('чёрн', 'черн', 'black friday')):
        return [0, 0, 0, 0, 0, 1, 4, 1, 0]  # Black Friday is 27 November 2026 (week 7)
    if 'орбит' in low:
        return [1, 1, 1, 1, 1, 0, 0, 0, 0]  # the announcement comes before the opening on 20 November
    if brand == 'amperia' and any(c in codes for c in ('d-', 'su-')):
        return [1, 1, 1, 1, 1, 2, 3, 4, 4]  # the Black Friday orders swamp delivery and the support line
    return None


compose(__file__, dict(
    brand='amperia', competitors=['tsifrograd', 'bytexpress'], seed=20261213,
    start=dt.datetime(2026, 10, 12), weeks=9,  # Monday 12 October - Sunday 13 December 2026
    files=['amperia_ru.txt', 'amperia_en.txt', 'tsifrograd.txt', 'bytexpress.txt'], extras='extras.txt',
    customer_prefix='amp-c',
    places={'amperia': ['amperia-profsoyuznaya', 'amperia-dmitrovka', 'amperia-maryino', 'amperia-savelovskaya'],
            'tsifrograd': ['tsifrograd-butovo', 'tsifrograd-khimki', 'tsifrograd-lyublino'],
            'bytexpress': ['bytexpress']},
    place_words={'профсоюзн': 'profsoyuznaya', 'profsoyuzn': 'profsoyuznaya', 'дмитровк': 'dmitrovka',
                 'dmitrovka': 'dmitrovka', 'марьин': 'maryino', 'савёловск': 'savelovskaya', 'savyolovsk': 'savelovskaya',
                 'бутов': 'butovo'},
    week_weights=week_weights,
    blogs=['tehnika-test', 'kvartira-bez-stressa', 'moscow-expat-living', 'gadget-zametki'],
    chats_ru=['tehnika_chat', 'remont_i_byt', 'moskva_pokupki'], chats_en=['expats_moscow', 'moscow_home_en'],
    vk_groups=['2540118', '1788260', '3126647'],
    cross_post_at=dt.timedelta(days=52, hours=18, minutes=34),
    cross_post_author={'name': 'Егор Лукин', 'handle': 'egor_lukin'},
    spam_authors=[{'name': 'Mega Sale', 'handle': 'mega_sale_2026'}, {'name': 'Айфон Даром', 'handle': 'iphone_darom_club'}],
    flood_at=dt.timedelta(days=40, hours=10, minutes=41),
    flood_author={'name': 'Gadget Giveaway', 'handle': 'gadget_giveaway_example'},
    duplicate_sources=['yandex_maps', 'formbricks', 'twitter'],
))
