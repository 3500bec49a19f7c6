#!/usr/bin/env python3
"""Writes samples/stories/bank/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Kedr, a mid-size retail bank (debit and credit cards,
the «Кедр Онлайн» app, SBP transfers and card payments, an anti-fraud system that blocks them, branches with an
electronic queue, few own ATMs, a hotline with the voice robot «Кедрик», an in-app chat, card delivery by a
bank representative, deposits and fees, cashback categories and «шишки» points), and two competitors, the big
old bank Zolotnik and the app-only neobank Finch. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if '12 января' in low:
        return [0, 0, 0, 0, 1, 1, 1, 0]  # "more than a month" after 12 January
    if '24 января' in low:
        return [0, 1, 1, 0, 0, 0, 0, 0]
    if '2 февраля' in low:
        return [0, 0, 0, 1, 1, 0, 0, 0]  # "the ninth day" after 2 February
    if 'на март' in low or 'в марте' in low:
        return [0, 0, 0, 0, 1, 2, 2, 1]
    if any(w in low for w in ('за январь', 'yanvar')):
        return [0, 0, 1, 1, 1, 0, 0, 0]
    if any(w in low for w in ('феврал', 'february', 'nerfed', 'урезали', 'cut cashback', 'урезан', 'стало платным')):
        return [0, 0, 2, 3, 3, 2, 2, 1]  # the tariff change of 1 February 2028 and the complaints after it
    if brand == 'kedr' and ('pr-' in codes or 'loy-' in codes):
        return [1, 1, 2, 3, 3, 2, 2, 2]
    if brand == 'kedr' and 'pay-' in codes:
        return [1, 1, 1, 2, 2, 3, 3, 3]  # the anti-fraud blocks grow through February
    return None


compose(__file__, dict(
    brand='kedr', competitors=['zolotnik', 'finch'], seed=20280313,
    start=dt.datetime(2028, 1, 17), weeks=8,  # Monday 17 January - Sunday 12 March 2028
    files=['kedr_ru.txt', 'kedr_en.txt', 'zolotnik.txt', 'finch.txt'], extras='extras.txt',
    customer_prefix='kdr-',
    places={'kedr': ['kedr-kurskaya', 'kedr-belorusskaya', 'kedr-krasnoselskaya', 'kedr-mitino', 'kedr-yasenevo'],
            'zolotnik': ['zolotnik-profsoyuznaya', 'zolotnik-tverskaya', 'zolotnik-marino', 'zolotnik-odintsovo'],
            'finch': ['finch']},
    place_words={'курск': 'kurskaya', 'kurskaya': 'kurskaya', 'белорусск': 'belorusskaya', 'belorusskaya': 'belorusskaya',
                 'красносельск': 'krasnoselskaya', 'south side': 'yasenevo', 'профсоюзн': 'profsoyuznaya',
                 'tverskaya': 'tverskaya'},
    week_weights=week_weights,
    blogs=['den-gi-bez-nervov', 'cashback-digest', 'moscow-expat-money', 'bankovskiy-obzor'],
    chats_ru=['samozanyatye_msk', 'kopim_vmeste', 'zhk_severnyi_chat'], chats_en=['expats_moscow', 'moscow_freelancers_en'],
    vk_groups=['5120344', '3381907', '4410258'],
    cross_post_at=dt.timedelta(days=33, hours=9, minutes=42),  # Saturday 19 February
    cross_post_author={'name': 'Руслан Гарипов', 'handle': 'ruslan_garip'},
    spam_authors=[{'name': 'Easy Credit', 'handle': 'easy_credit_2028'}, {'name': 'Кредит без отказа', 'handle': 'kredit_bez_otkaza'}],
    flood_at=dt.timedelta(days=45, hours=14, minutes=8),
    flood_author={'name': 'Деньги сразу', 'handle': 'dengi_srazu_example'},
    duplicate_sources=['google', 'typeform', 'twitter'],
))
