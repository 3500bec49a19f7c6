#!/usr/bin/env python3
"""Writes samples/stories/restaurant/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Poleno, a Moscow bistro chain (dine-in,
delivery, app), and two competitors, Burger Yard and SushiMoto. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if brand == 'poleno' and 'd-' in codes:
        return [1, 1, 1, 2, 3, 4, 4]  # the new delivery zones (from 1 May) overload the couriers
    if brand == 'poleno' and any(w in low for w in ('веранд', 'terrace')):
        return [0, 0, 0, 0, 1, 2, 2]  # the terrace opens in May
    return None


compose(__file__, dict(
    brand='poleno', competitors=['burgeryard', 'sushimoto'], seed=20260524,
    start=dt.datetime(2026, 4, 6), weeks=7,  # Monday 6 April - Sunday 24 May 2026
    files=['poleno_ru.txt', 'poleno_en.txt', 'burgeryard.txt', 'sushimoto.txt'], extras='extras.txt',
    customer_prefix='poleno-g',
    places={'poleno': ['poleno-pyatnitskaya', 'poleno-taganka', 'poleno-sokolniki', 'poleno-leninsky', 'poleno-khamovniki'],
            'burgeryard': ['burgeryard-kurskaya', 'burgeryard-paveletskaya', 'burgeryard-tulskaya', 'burgeryard-taganka'],
            'sushimoto': ['sushimoto']},
    place_words={'пятницк': 'pyatnitskaya', 'pyatnitsk': 'pyatnitskaya', 'таганк': 'taganka', 'taganka': 'taganka',
                 'сокольник': 'sokolniki', 'sokolniki': 'sokolniki', 'ленинск': 'leninsky', 'хамовник': 'khamovniki', 'khamovniki': 'khamovniki',
                 'курск': 'kurskaya', 'kursky': 'kurskaya', 'павелецк': 'paveletskaya', 'тульск': 'tulskaya'},
    week_weights=week_weights,
    blogs=['eda-po-moskve', 'gastro-zametki', 'moscow-eats-en', 'dostavka-test'],
    chats_ru=['poleno_fans', 'moscow_food', 'gde_poest_msk'], chats_en=['expats_moscow', 'moscow_food_en'],
    vk_groups=['2231907', '1874402', '3019955'],
    cross_post_at=dt.timedelta(days=38, hours=21, minutes=22),
    cross_post_author={'name': 'Глеб Широков', 'handle': 'gleb_shirokov'},
    spam_authors=[{'name': 'Hot Deals', 'handle': 'hot_deals_2026'}, {'name': 'Халява Пицца', 'handle': 'halyava_pizza_club'}],
    flood_at=dt.timedelta(days=26, hours=12, minutes=7),
    flood_author={'name': 'Free Food', 'handle': 'free_food_example'},
    duplicate_sources=['google', 'typeform', 'twitter'],
))
