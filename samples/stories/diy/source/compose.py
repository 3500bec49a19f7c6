#!/usr/bin/env python3
"""Writes samples/stories/diy/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Verstak, a chain of DIY / home-improvement
hypermarkets (huge stores, consultants, tool rental, paint tinting, cutting service, heavy-goods delivery
with lifting, returns, app and site with stock levels), and two competitors, the DIY hypermarket Prorab and
the online DIY marketplace Remonto. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if any(w in low for w in ('майск', 'may holidays')):
        return [0, 0, 0, 0, 2, 2, 0, 0, 0, 0]  # 1-9 May 2027 fall in weeks 5 and 6
    if 'одинцово в июне' in low:
        return [0, 0, 0, 0, 1, 1, 1, 1, 0, 0]  # the opening is announced before it happens
    if '14 апреля' in low:
        return [0, 0, 1, 1, 0, 0, 0, 0, 0, 0]  # a complaint about a delivery on 14 April
    if brand == 'verstak' and any(c in codes for c in ('w-', 'st-')):
        return [1, 1, 1, 2, 4, 4, 3, 2, 1, 1]  # the season peaks around the May holidays; tills and floor staff do not
    return None


compose(__file__, dict(
    brand='verstak', competitors=['prorab', 'remonto'], seed=20270606,
    start=dt.datetime(2027, 3, 29), weeks=10,  # Monday 29 March - Sunday 6 June 2027
    files=['verstak_ru.txt', 'verstak_en.txt', 'prorab.txt', 'remonto.txt'], extras='extras.txt',
    customer_prefix='vst-c',
    places={'verstak': ['verstak-altufyevo', 'verstak-kotelniki', 'verstak-rumyantsevo', 'verstak-lefortovo', 'verstak-mytishchi'],
            'prorab': ['prorab-khimki', 'prorab-belaya-dacha', 'prorab-teply-stan'],
            'remonto': ['remonto']},
    place_words={'алтуфьев': 'altufyevo', 'altufyevo': 'altufyevo', 'котельник': 'kotelniki', 'kotelniki': 'kotelniki',
                 'румянцев': 'rumyantsevo', 'rumyantsevo': 'rumyantsevo', 'лефортов': 'lefortovo', 'lefortovo': 'lefortovo',
                 'мытищ': 'mytishchi', 'химк': 'khimki', 'белой дач': 'belaya-dacha', 'тёплом стан': 'teply-stan'},
    week_weights=week_weights,
    blogs=['remont-bez-boli', 'dacha-i-stroyka', 'moscow-flat-reno', 'diy-expat-moscow'],
    chats_ru=['remont_msk', 'dachniki_podmoskovya', 'stroyka_chat'], chats_en=['expats_moscow', 'moscow_home_en'],
    vk_groups=['2604471', '1889213', '3170586'],
    cross_post_at=dt.timedelta(days=33, hours=14, minutes=48),  # Saturday 1 May
    cross_post_author={'name': 'Руслан Гаврилов', 'handle': 'ruslan_gavr'},
    spam_authors=[{'name': 'Tool Deals', 'handle': 'tool_deals_2027'}, {'name': 'Перфоратор Даром', 'handle': 'perforator_darom'}],
    flood_at=dt.timedelta(days=45, hours=16, minutes=2),
    flood_author={'name': 'Tools Darom', 'handle': 'tools_darom_example'},
    duplicate_sources=['google', 'surveymonkey', 'vk'],
))
