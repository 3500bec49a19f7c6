#!/usr/bin/env python3
"""Writes samples/stories/pharmacy/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Medunitsa, a pharmacy and cosmetics chain (pharmacies,
online orders with pick-up or delivery, pharmacists' advice, loyalty card, app and site, hotline), and two
competitors, Tabletochka (a discount pharmacy chain) and PharmaClick (an online pharmacy).
Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402
FLU = [1, 1, 2, 3, 3, 2, 1]  # the flu wave peaks in weeks 4-5 (1-14 February 2027)


def week_weights(brand, codes, text):
    low = text.lower()
    if any(w in low for w in ('нового года', 'new year', 'novogo goda')):
        return [3, 2, 1, 1, 1, 0, 0]  # the prices went up on 1 January
    if 'новой медунице' in low:
        return [0, 0, 1, 1, 1, 1, 1]
    if any(w in low for w in ('вирофен', 'virofen', 'грипп', 'flu', 'противовирус', 'эпидеми', 'fever syrup', 'сироп')):
        return FLU
    if brand == 'medunitsa' and any(c in codes for c in ('as-', 'su-')):
        return FLU  # the flu wave empties the shelves and swamps the hotline
    return None


compose(__file__, dict(
    brand='medunitsa', competitors=['tabletochka', 'pharmaclick'], seed=20270228,
    start=dt.datetime(2027, 1, 11), weeks=7,  # Monday 11 January - Sunday 28 February 2027
    files=['medunitsa_ru.txt', 'medunitsa_en.txt', 'tabletochka.txt', 'pharmaclick.txt'], extras='extras.txt',
    customer_prefix='md-c',
    places={'medunitsa': ['medunitsa-tverskaya', 'medunitsa-sokolniki', 'medunitsa-belyaevo', 'medunitsa-vykhino'],
            'tabletochka': ['tabletochka-lyublino', 'tabletochka-otradnoe'],
            'pharmaclick': ['pharmaclick-pvz-marino', 'pharmaclick-pvz-khimki']},
    place_words={'тверск': 'tverskaya', 'tverskaya': 'tverskaya', 'сокольник': 'sokolniki', 'sokolniki': 'sokolniki',
                 'беляев': 'belyaevo', 'belyaev': 'belyaevo', 'выхин': 'vykhino', 'vykhino': 'vykhino',
                 'люблин': 'lyublino', 'lyublino': 'lyublino', 'отрадн': 'otradnoe'},
    week_weights=week_weights,
    blogs=['zdorovye-bez-paniki', 'mama-i-apteka', 'moscow-expat-health', 'kosmetichka-test'],
    chats_ru=['mamy_vykhino', 'zdorovye_chat', 'rayon_sokolniki'], chats_en=['expats_moscow', 'moscow_health_en'],
    vk_groups=['2764051', '1938275', '3412096'],
    cross_post_at=dt.timedelta(days=29, hours=9, minutes=47),
    cross_post_author={'name': 'Mark Novak', 'handle': 'mark_novak'},
    spam_authors=[{'name': 'Pharma Deals', 'handle': 'pharma_deals_77'}, {'name': 'Таблетки Дёшево', 'handle': 'tabletki_deshevo_club'}],
    flood_at=dt.timedelta(days=17, hours=11, minutes=26),
    flood_author={'name': 'Slim Fast', 'handle': 'slim_fast_example'},
    duplicate_sources=['site', 'formbricks', 'vk'],
))
