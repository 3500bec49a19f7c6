#!/usr/bin/env python3
"""Writes samples/stories/marketplace/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Vitrina, an online marketplace with its own pick-up
points and couriers (third-party sellers, an app with search by photo and filters, next-day delivery, split
payments, points, a support chat fronted by a bot), which in the autumn of 2032 brings in paid and slower
returns and runs its 11.11 and Black Friday sales through overloaded pick-up points while fakes from
third-party sellers spread, and two competitors, the old and large Megaryad and the cheap cross-border Dealio.
Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if any(w in low for w in ('12 ноября', '14 ноября', '12 november')):
        return [0, 0, 1, 2, 1, 0, 0, 0]
    if any(w in low for w in ('декабр', 'december', 'новому году', 'новый год', 'christmas', 'ёлк', 'ёлоч')):
        return [0, 0, 0, 0, 1, 2, 3, 3]
    if any(w in low for w in ('11.11', 'распродаж', 'big sale')):
        return [0, 0, 2, 3, 2, 1, 0, 0]  # the 11.11 sale in week 3
    if brand == 'vitrina' and 'ret-' in codes:
        return [0, 1, 2, 3, 3, 3, 3, 3]  # the paid, slower returns start in week 2
    if brand == 'vitrina' and ('w-' in codes or 'd-' in codes):
        return [1, 1, 3, 3, 2, 3, 2, 2]  # the sales: 11.11 in week 3, Black Friday in week 5
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='vitrina', competitors=['megaryad', 'dealio'], seed=20321219,
    start=dt.datetime(2032, 10, 25), weeks=8,  # Monday 25 October - Sunday 19 December 2032
    files=['vitrina_ru.txt', 'vitrina_en.txt', 'megaryad.txt', 'dealio.txt'], extras='extras.txt',
    customer_prefix='vtr-',
    places={'vitrina': ['vitrina-pvz-profsoyuznaya', 'vitrina-pvz-leninsky', 'vitrina-pvz-lenina-14', 'vitrina-pvz-maryino'],
            'megaryad': ['megaryad-pvz-tekstilshchiki', 'megaryad-pvz-khimki'],
            'dealio': ['dealio-pvz-sokol']},
    place_words={'профсоюзн': 'pvz-profsoyuznaya', 'ленинск': 'pvz-leninsky', 'leninsk': 'pvz-leninsky',
                 'ленина': 'pvz-lenina-14'},
    week_weights=week_weights,
    blogs=['marketplace-digest', 'pokupki-bez-boli', 'moscow-expat-guide', 'retail-obzor'],
    chats_ru=['zhk_severnaya_zvezda', 'mamy_maryino', 'sosedi_leninsky_12'], chats_en=['expats_moscow', 'moscow_newcomers_en'],
    vk_groups=['6120457', '4839921', '5702288'],
    cross_post_at=dt.timedelta(days=29, hours=20, minutes=12),  # Tuesday 23 November
    cross_post_author={'name': 'Лев Арсеньев', 'handle': 'lev_arseniev'},
    spam_authors=[{'name': 'Топ Продавец', 'handle': 'top_seller_2032'}, {'name': 'Баллы Дёшево', 'handle': 'bally_deshevo'}],
    flood_at=dt.timedelta(days=38, hours=11, minutes=4),  # Thursday 2 December
    flood_author={'name': 'Выкупы Заработок', 'handle': 'vykup_example'},
    duplicate_sources=['app', 'typeform', 'telegram'],
))
