#!/usr/bin/env python3
"""Writes samples/stories/clinic/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Svetoch, a chain of private medical clinics in Moscow
(doctors and nurses, the reception and the wait at the door, lab tests and their turnaround, diagnoses and
treatment outcomes, visit and check-up prices, a booking app with online results and video consultations,
a call centre, insurance and card payments, refunds for cancelled tests, a family discount card, parking),
whose switch to a new central laboratory in March makes results days late, and two competitors, the old
cheap multi-specialty network Belomed and the new app-first chain Doktorovo with cheap check-up packages.
Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if '14 марта' in low:
        return [0, 1, 0, 0, 0, 0, 0, 0]
    if '18 марта' in low or '20 march' in low:
        return [0, 0, 1, 1, 0, 0, 0, 0]
    if '26 марта' in low or '27 march' in low:
        return [0, 0, 0, 1, 1, 0, 0, 0]
    if '12 марта' in low:
        return [0, 1, 1, 0, 0, 0, 0, 0]
    if any(w in low for w in ('митино', 'с апреля', 'next month')):
        return [1, 1, 1, 1, 0, 0, 0, 0]
    if brand == 'svetoch' and 'd-' in codes:
        return [0, 0, 2, 3, 3, 2, 1, 1]  # the new central laboratory from Monday 19 March
    if any(w in low for w in ('грипп', 'flu', 'орви', 'кашель', 'cough', 'температур', 'fever')):
        return [3, 3, 2, 1, 1, 1, 0, 0]  # the tail of the flu season
    if any(w in low for w in ('чекап', 'check-up', 'checkup')):
        return [1, 1, 1, 2, 2, 2, 3, 3]  # the spring check-up offers
    return [2, 2, 2, 2, 2, 2, 2, 2]


compose(__file__, dict(
    brand='svetoch', competitors=['belomed', 'doktorovo'], seed=20290429,
    start=dt.datetime(2029, 3, 5), weeks=8,  # Monday 5 March - Sunday 29 April 2029
    files=['svetoch_ru.txt', 'svetoch_en.txt', 'belomed.txt', 'doktorovo.txt'], extras='extras.txt',
    customer_prefix='svt-',
    places={'svetoch': ['svetoch-tverskaya', 'svetoch-maryino', 'svetoch-khimki'],
            'belomed': ['belomed-baumanskaya', 'belomed-sokol'],
            'doktorovo': ['doktorovo-belorusskaya', 'doktorovo-moskva-siti']},
    place_words={'тверск': 'tverskaya', 'tverskaya': 'tverskaya', 'марьин': 'maryino', 'maryino': 'maryino',
                 'химк': 'khimki', 'khimki': 'khimki', 'бауманск': 'baumanskaya'},
    week_weights=week_weights,
    blogs=['zdorovye-v-gorode', 'moscow-expat-guide', 'chastnaya-meditsina-obzor', 'mama-i-vrach'],
    chats_ru=['zhk_maryino_chat', 'mamy_khimki', 'tverskaya_sosedi'], chats_en=['expats_moscow', 'moscow_parents_en'],
    vk_groups=['4418203', '6120577', '3379914'],
    cross_post_at=dt.timedelta(days=25, hours=21, minutes=12),  # Friday 30 March
    cross_post_author={'name': 'Ксения Белова', 'handle': 'ksenia_belova'},
    spam_authors=[{'name': 'Справки онлайн', 'handle': 'spravki_bez_vracha'}, {'name': 'Больничный быстро', 'handle': 'bolnichnyi_2029'}],
    flood_at=dt.timedelta(days=38, hours=11, minutes=47),  # Thursday 12 April
    flood_author={'name': 'Справки 24', 'handle': 'spravki_example'},
    duplicate_sources=['yandex_maps', 'typeform', 'telegram'],
))
