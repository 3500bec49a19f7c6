#!/usr/bin/env python3
"""Writes samples/stories/petshop/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Lapa, a pet-supplies chain (stores, grooming salons
and vet corners, online shop with delivery and pick-up, app, loyalty club), and two competitors, the
marketplace ZooBazaar and the discount chain Kormoff. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402

# The club reform and the new app go live together on Monday 5 July 2027 (the start of week 5).
AFTER_REFORM = ('новое приложение', 'новом приложении', 'новая версия', 'new app', 'new version', 'обнов', 'update',
                'июл', 'july', 'уровн', 'levels', 'tiers', 'upgrade', 'новый клуб', 'новую систему', 'новой программ')


def week_weights(brand, codes, text):
    low = text.lower()
    if brand != 'lapa':
        return None
    if 'новогиреево 1 августа' in low:
        return [0, 0, 0, 1, 1, 1, 1, 0]  # the announcement comes before the salon opens on 1 August
    if any(c in codes for c in ('loy-', 'ap-')) or any(w in low for w in AFTER_REFORM):
        return [0, 0, 0, 0, 4, 3, 2, 2]  # complaints start with the reform and fade slowly
    if 'loy+' in codes:
        return [2, 2, 2, 2, 1, 0, 0, 0]  # the old club was liked
    return None


compose(__file__, dict(
    brand='lapa', competitors=['zoobazaar', 'kormoff'], seed=20270801,
    start=dt.datetime(2027, 6, 7), weeks=8,  # Monday 7 June - Sunday 1 August 2027
    files=['lapa_ru.txt', 'lapa_en.txt', 'zoobazaar.txt', 'kormoff.txt'], extras='extras.txt',
    customer_prefix='lapa-c',
    places={'lapa': ['lapa-baumanskaya', 'lapa-kuzminki', 'lapa-strogino', 'lapa-otradnoe', 'lapa-novogireevo'],
            'zoobazaar': ['zoobazaar'],
            'kormoff': ['kormoff-kuzminki', 'kormoff-lyublino', 'kormoff-medvedkovo']},
    place_words={'бауманск': 'baumanskaya', 'baumansk': 'baumanskaya', 'кузьминк': 'kuzminki', 'kuzminki': 'kuzminki',
                 'строгин': 'strogino', 'strogino': 'strogino', 'отрадн': 'otradnoe', 'otradnoye': 'otradnoe',
                 'новогиреев': 'novogireevo', 'novogireevo': 'novogireevo'},
    week_weights=week_weights,
    blogs=['zoo-obzor', 'hvost-truboy', 'moscow-pets-en', 'pet-expat-life'],
    chats_ru=['sobachniki_msk', 'koshki_moskva', 'zoo_chat'], chats_en=['expats_moscow', 'moscow_pets_en'],
    vk_groups=['2718305', '1943377', '3355120'],
    cross_post_at=dt.timedelta(days=38, hours=20, minutes=15),
    cross_post_author={'name': 'Оксана Журавлёва', 'handle': 'oksana_zhur'},
    spam_authors=[{'name': 'Pet Deals', 'handle': 'pet_deals_2027'}, {'name': 'Корм Даром', 'handle': 'korm_darom_club'}],
    flood_at=dt.timedelta(days=24, hours=11, minutes=7),
    flood_author={'name': 'Free Korm', 'handle': 'free_korm_example'},
    duplicate_sources=['yandex_maps', 'typeform', 'telegram'],
))
