#!/usr/bin/env python3
"""Writes samples/stories/fashion/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Vetla, a clothing and footwear retailer (mall stores,
online shop and app, courier delivery and pick-up points, returns and exchanges, loyalty card), and two
competitors, Trendy Box (a cheap fast-fashion chain) and Shopolis (an online marketplace).
Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if 'открывает' in low:
        return [1, 1, 0, 0, 0, 0, 0, 0]  # the Severny Veter store opens in week 3
    if any(w in low for w in ('северн', 'severny')):
        return [0, 0, 1, 1, 1, 1, 1, 1]
    if '14 февраля' in low:
        return [0, 0, 0, 1, 1, 0, 0, 0]
    if '8 марта' in low:
        return [0, 0, 1, 2, 2, 0, 0, 0]  # International Women's Day is Monday 8 March 2027 (week 6)
    if 'в марте' in low:
        return [0, 0, 0, 0, 1, 1, 1, 1]
    if any(w in low for w in ('распродаж', 'in the sale')):
        return [3, 3, 1, 0, 0, 0, 0, 0]  # the winter sale ends in mid-February
    if any(w in low for w in ('весен', 'spring', 'новой коллекции', 'новая коллекция', 'new collection', 'new season',
                              'this season', 'novaya kollektsiya')):
        return [0, 0, 0, 1, 2, 2, 2, 2]  # the spring collection reaches the stores on 22 February (week 4)
    if brand == 'vetla' and 'q-' in codes:
        return [1, 1, 1, 1, 2, 2, 2, 2]  # the thinner spring fabrics: complaints grow from week 4
    if brand == 'vetla' and 'ap-' in codes:
        return [0, 0, 1, 2, 2, 2, 1, 1]  # the new app version ships in week 3
    return None


compose(__file__, dict(
    brand='vetla', competitors=['trendybox', 'shopolis'], seed=20270328,
    start=dt.datetime(2027, 2, 1), weeks=8,  # Monday 1 February - Sunday 28 March 2027
    files=['vetla_ru.txt', 'vetla_en.txt', 'trendybox.txt', 'shopolis.txt'], extras='extras.txt',
    customer_prefix='vt-c',
    places={'vetla': ['vetla-polaris', 'vetla-kashtan', 'vetla-granat', 'vetla-severny'],
            'trendybox': ['trendybox-tulskaya', 'trendybox-kashtan', 'trendybox-mitino'],
            'shopolis': ['shopolis-pvz-sokol', 'shopolis-pvz-perovo', 'shopolis-pvz-yasenevo']},
    place_words={'поляр': 'polaris', 'polaris': 'polaris', 'сокол': 'polaris', 'sokol': 'polaris',
                 'каштан': 'kashtan', 'kashtan': 'kashtan', 'гранат': 'granat', 'granat': 'granat',
                 'северн': 'severny', 'severny': 'severny'},
    week_weights=week_weights,
    blogs=['garderob-test', 'moda-bez-pafosa', 'moscow-style-notes', 'shopping-diary-en'],
    chats_ru=['shopping_msk', 'mamy_yugo_zapad', 'moda_chat'], chats_en=['expats_moscow', 'moscow_shopping_en'],
    vk_groups=['2894410', '1650327', '3307781'],
    cross_post_at=dt.timedelta(days=44, hours=20, minutes=12),
    cross_post_author={'name': 'Дарья Комарова', 'handle': 'dasha_komarova'},
    spam_authors=[{'name': 'Drop Deals', 'handle': 'drop_deals_24'}, {'name': 'Бренды Даром', 'handle': 'brendy_darom_club'}],
    flood_at=dt.timedelta(days=31, hours=14, minutes=3),
    flood_author={'name': 'Sneaker Drop', 'handle': 'sneaker_drop_example'},
    duplicate_sources=['google', 'qualtrics', 'telegram'],
))
