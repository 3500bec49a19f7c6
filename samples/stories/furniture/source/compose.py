#!/usr/bin/env python3
"""Writes samples/stories/furniture/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Komod, a furniture and home-goods retailer (showrooms with
consultants and designers, an online shop and an app with a room planner, made-to-order sofas and kitchens,
delivery by its own crews and assembly and installation by its fitters, returns and exchanges, instalments, a
loyalty card, a call centre), whose new own-brand line from a new factory arrives with defects and late in the
spring of 2031, and two competitors, the old furniture hypermarket Mebelgrad and the online-only flat-pack
seller Flatpack. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if any(w in low for w in ('8 марта', 'march 8', '8th of march')):
        return [3, 1, 0, 0, 0, 0, 0, 0]
    if any(w in low for w in ('майск', 'may holidays', 'к маю', 'by may')):
        return [0, 0, 0, 0, 1, 2, 3, 3]
    if any(w in low for w in ('распродаж', 'sale')):
        return [0, 0, 0, 2, 3, 2, 0, 0]  # the spring sale in weeks 4-6
    if brand == 'komod' and ('q-' in codes or 'd-' in codes):
        return [1, 1, 2, 2, 3, 3, 3, 3]  # the new own-brand line reaches customers from week 3 on
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='komod', competitors=['mebelgrad', 'flatpack'], seed=20310427,
    start=dt.datetime(2031, 3, 3), weeks=8,  # Monday 3 March - Sunday 27 April 2031
    files=['komod_ru.txt', 'komod_en.txt', 'mebelgrad.txt', 'flatpack.txt'], extras='extras.txt',
    customer_prefix='kmd-',
    places={'komod': ['komod-kaluzhskoe', 'komod-leningradka', 'komod-kotelniki'],
            'mebelgrad': ['mebelgrad-altufyevo', 'mebelgrad-mkad-41'],
            'flatpack': ['flatpack-pvz-moskva']},
    place_words={'калужск': 'kaluzhskoe', 'kaluzhskoe': 'kaluzhskoe', 'ленинградк': 'leningradka',
                 'leningradka': 'leningradka', 'котельник': 'kotelniki', 'kotelniki': 'kotelniki',
                 'алтуфьев': 'altufyevo', 'мкад': 'mkad-41'},
    week_weights=week_weights,
    blogs=['kvartira-bez-boli', 'interior-digest-msk', 'moscow-expat-home', 'remont-dnevnik'],
    chats_ru=['zhk_novye_vatutinki', 'mamy_butovo', 'remont_i_pereezd'], chats_en=['expats_moscow_home', 'moscow_relocation_en'],
    vk_groups=['4411207', '6120985', '3907742'],
    cross_post_at=dt.timedelta(days=26, hours=21, minutes=12),  # Saturday 29 March
    cross_post_author={'name': 'Ксения Соболева', 'handle': 'ksenia_soboleva'},
    spam_authors=[{'name': 'Мебель Оптом', 'handle': 'mebel_optom_2031'}, {'name': 'Перетяжка Дёшево', 'handle': 'peretyazhka_msk'}],
    flood_at=dt.timedelta(days=38, hours=14, minutes=5),  # Thursday 10 April
    flood_author={'name': 'Сборка Мебели Срочно', 'handle': 'sborka_example'},
    duplicate_sources=['yandex_maps', 'formbricks', 'vk'],
))
