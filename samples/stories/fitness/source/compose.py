#!/usr/bin/env python3
"""Writes samples/stories/fitness/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Ritm, a chain of mid-price fitness clubs (gyms, group
classes, personal trainers, pools and saunas, locker rooms and showers, the Ritm app for booking and freezes,
«биты» points and a refer-a-friend scheme, a support chat) that raises its prices on 1 October, and two
competitors, the low-cost 24/7 chain Atlant and the premium club chain Pulsar. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if '20 октября' in low:
        return [0, 0, 0, 0, 0, 0, 1, 0, 0]
    if any(w in low for w in ('ноябр', 'november', 'марьино', 'marino')):
        return [0, 0, 0, 0, 1, 1, 2, 2, 2]
    if any(w in low for w in ('октябр', 'подорож', 'подняли', 'поднял', 'повышен', 'raised', 'price hike', 'price rise',
                              'price up', '35 900', '35,900', '4600', '4 600', '4,600', 'урезал', 'cut the referral')):
        return [0, 0, 1, 3, 3, 3, 2, 2, 2]  # the price rise of 1 October 2028, announced in mid-September
    if brand == 'ritm' and 'pr-' in codes:
        return [1, 1, 2, 3, 3, 2, 2, 2, 2]
    return [3, 3, 3, 2, 2, 2, 2, 2, 2]  # September is the back-to-the-gym month


compose(__file__, dict(
    brand='ritm', competitors=['atlant', 'pulsar'], seed=20281106,
    start=dt.datetime(2028, 9, 4), weeks=9,  # Monday 4 September - Sunday 5 November 2028
    files=['ritm_ru.txt', 'ritm_en.txt', 'atlant.txt', 'pulsar.txt'], extras='extras.txt',
    customer_prefix='rtm-',
    places={'ritm': ['ritm-sokol', 'ritm-tushino', 'ritm-khimki', 'ritm-butovo', 'ritm-lefortovo'],
            'atlant': ['atlant-vodny', 'atlant-voykovskaya', 'atlant-sokol'],
            'pulsar': ['pulsar-krestovsky', 'pulsar-khamovniki']},
    place_words={'сокол': 'sokol', 'sokol': 'sokol', 'тушин': 'tushino', 'tushin': 'tushino', 'химк': 'khimki',
                 'khimki': 'khimki', 'бутов': 'butovo', 'butovo': 'butovo', 'лефортов': 'lefortovo', 'lefortovo': 'lefortovo',
                 'водн': 'vodny', 'войковск': 'voykovskaya', 'крестовск': 'krestovsky'},
    week_weights=week_weights,
    blogs=['zal-i-zhelezo', 'fitness-digest-msk', 'moscow-expat-life', 'sport-obzor'],
    chats_ru=['zhk_sokol_chat', 'mamy_lefortovo', 'begaem_vmeste'], chats_en=['expats_moscow', 'moscow_runners_en'],
    vk_groups=['4420815', '2917736', '5063349'],
    cross_post_at=dt.timedelta(days=40, hours=21, minutes=12),  # Saturday 14 October
    cross_post_author={'name': 'Глеб Соколов', 'handle': 'gleb_sokolov'},
    spam_authors=[{'name': 'Fat Burn', 'handle': 'fat_burn_2028'}, {'name': 'Стероиды оптом', 'handle': 'steroidy_optom'}],
    flood_at=dt.timedelta(days=52, hours=11, minutes=37),  # Thursday 26 October
    flood_author={'name': 'Худеем быстро', 'handle': 'hudeem_bystro_example'},
    duplicate_sources=['google', 'typeform', 'twitter'],
))
