#!/usr/bin/env python3
"""Writes samples/stories/telecom/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Volna, a mobile operator and home-internet provider
(network coverage and speed, tariffs and paid subscriptions, salons, hotline and chat, the «Моя Волна» app,
autopay and top-ups, SIM courier and installer visits), and two competitors, the fibre provider Provodok and
the cheap online-only operator Simka. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if '5–12 october' in low:
        return [0, 0, 0, 0, 0, 1, 1, 1]  # a refund request after an outage in week 6
    if any(w in low for w in ('октябр', 'october', 'подорожал', 'подняла', 'raised', 'hike', 'podnyali')):
        return [0, 0, 0, 1, 3, 3, 2, 2]  # the tariff reform of 1 October 2027 and the complaints after it
    if brand == 'volna' and 'pr-' in codes:
        return [1, 1, 1, 2, 3, 3, 2, 2]
    return None


compose(__file__, dict(
    brand='volna', competitors=['provodok', 'simka'], seed=20271031,
    start=dt.datetime(2027, 9, 6), weeks=8,  # Monday 6 September - Sunday 31 October 2027
    files=['volna_ru.txt', 'volna_en.txt', 'provodok.txt', 'simka.txt'], extras='extras.txt',
    customer_prefix='vln-',
    places={'volna': ['volna-profsoyuznaya', 'volna-tverskaya', 'volna-leninsky', 'volna-khimki', 'volna-sokol',
                      'volna-arbat', 'volna-baumanskaya'],
            'provodok': ['provodok-lyubertsy', 'provodok-reutov'],
            'simka': ['simka']},
    place_words={'профсоюзн': 'profsoyuznaya', 'тверск': 'tverskaya', 'tverskaya': 'tverskaya', 'ленинск': 'leninsky',
                 'химк': 'khimki', 'сокол': 'sokol', 'sokol': 'sokol', 'arbat': 'arbat', 'бауманск': 'baumanskaya',
                 'люберц': 'lyubertsy', 'реутов': 'reutov'},
    week_weights=week_weights,
    blogs=['svyaz-bez-nervov', 'gadget-digest-ru', 'moscow-expat-tech', 'isp-review-msk'],
    chats_ru=['mytishchi_chat', 'novaya_moskva_zhk', 'udalyonka_chat'], chats_en=['expats_moscow', 'moscow_digital_nomads'],
    vk_groups=['3318402', '2095117', '4471260'],
    cross_post_at=dt.timedelta(days=30, hours=21, minutes=17),  # Wednesday 6 October
    cross_post_author={'name': 'Тимур Ахмедов', 'handle': 'timur_akhm'},
    spam_authors=[{'name': 'Free 5G', 'handle': 'free_5g_2027'}, {'name': 'Бесплатный интернет', 'handle': 'besplatnyi_inet'}],
    flood_at=dt.timedelta(days=38, hours=13, minutes=41),
    flood_author={'name': 'Free Gigs', 'handle': 'free_gigs_example'},
    duplicate_sources=['google', 'typeform', 'twitter'],
))
