#!/usr/bin/env python3
"""Writes samples/stories/school/feedback.jsonl and labels.jsonl from the spec lines in this folder
(brand|source|channel|score|sentiment|factor codes|text): Lesenka, an online education platform with courses for
children (English, Russian for bilingual kids abroad, maths and exam preparation, programming, drawing) and adults
(data analytics, design, marketing, languages) — teachers, tutors, curators and mentors, homework checks, the video
platform and the app, a support chat, prices, instalments and auto-payments, refunds, promo codes and a
refer-a-friend month — whose new video platform, launched on 17 September, drops lessons for weeks, and two
competitors, the small-group children's school Umnozhka with personal tutors and high prices, and Kursoria, a
school of career courses for adults with permanent big discounts. Deterministic (fixed seed)."""
import datetime as dt, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
from storycompose import compose  # noqa: E402


def week_weights(brand, codes, text):
    low = text.lower()
    if '2 сентября' in low or '2 september' in low:
        return [0, 0, 0, 0, 1, 1, 0, 0, 0]
    if '17 сентября' in low or '17 september' in low:
        return [0, 0, 1, 1, 1, 0, 0, 0, 0]
    if any(w in low for w in ('октябр', 'october', '30 октября')):
        return [0, 0, 0, 0, 1, 2, 2, 2, 2]
    if any(w in low for w in ('сентябр', 'september')):
        return [0, 0, 2, 3, 3, 1, 0, 0, 0]
    if any(w in low for w in ('август', 'august')):
        return [3, 2, 1, 0, 0, 0, 0, 0, 0]
    if brand == 'lesenka' and 'ap-' in codes:
        return [0, 0, 3, 3, 3, 2, 1, 1, 1]  # the new video platform from Monday 17 September
    if brand == 'lesenka' and 'ap+' in codes and any(w in low for w in ('обновлен', 'update')):
        return [0, 0, 0, 0, 0, 1, 2, 2, 2]  # the fixed platform from October
    if any(w in low for w in ('реферал', 'referral', 'друга', 'friend')):
        return [0, 0, 1, 1, 2, 2, 2, 1, 1]  # the autumn refer-a-friend campaign
    if any(w in low for w in ('огэ', 'егэ', 'впр', 'exam')):
        return [1, 1, 1, 1, 1, 1, 1, 2, 2]
    return [3, 3, 2, 2, 2, 2, 2, 2, 2]  # most sign-ups at the start of the school year


compose(__file__, dict(
    brand='lesenka', competitors=['umnozhka', 'kursoria'], seed=20291104,
    start=dt.datetime(2029, 9, 3), weeks=9,  # Monday 3 September - Sunday 4 November 2029
    files=['lesenka_ru.txt', 'lesenka_en.txt', 'umnozhka.txt', 'kursoria.txt'], extras='extras.txt',
    customer_prefix='les-',
    places={'lesenka': ['lesenka-online'], 'umnozhka': ['umnozhka-online'], 'kursoria': ['kursoria-online']},
    place_words={},
    week_weights=week_weights,
    blogs=['roditeli-i-shkola', 'edtech-obzor', 'bilingual-family-blog', 'karera-v-it'],
    chats_ru=['mamy_pervoklashek', 'zhk_novye_vatutinki_chat', 'pereezd_v_it'], chats_en=['russian_parents_abroad', 'expats_learning_russian'],
    vk_groups=['5127730', '3904412', '6638105'],
    cross_post_at=dt.timedelta(days=29, hours=20, minutes=36),  # Tuesday 2 October
    cross_post_author={'name': 'Наталья Громова', 'handle': 'natalia_gromova'},
    spam_authors=[{'name': 'Дипломы на заказ', 'handle': 'gotovye_diplomy'}, {'name': 'Сливы курсов', 'handle': 'kursy_besplatno'}],
    flood_at=dt.timedelta(days=45, hours=13, minutes=9),  # Thursday 18 October
    flood_author={'name': 'Сливы курсов 2029', 'handle': 'slivy_kursov_example'},
    duplicate_sources=['google', 'surveymonkey', 'vk'],
))
