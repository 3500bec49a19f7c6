"""Composes a labelled story from its hand-written spec lines (brand|source|channel|score|sentiment|codes|text):
adds fictional authors, external ids, urls and timestamps deterministically (one seeded random generator),
inserts the exact duplicates, the cross-post and the spam the story's config asks for, and writes
feedback.jsonl (canonical FeedbackItemDto shape) and labels.jsonl (one hand label per line, same order).

A Russian text may start with "{f} " or "{m} " when its grammar fixes the author's gender
(«заказала» / «заказал»); the marker is removed from the text. Labels take no random draws."""
import datetime as dt, json, os, random, re, sys

from storylib import SURVEYS, MENTIONS, parse_spec, label, lang

RU_F = 'Анна Мария Екатерина Ольга Наталья Елена Ирина Татьяна Юлия Светлана Дарья Алина Ксения Полина Виктория Марина Вера Софья Алёна Евгения Людмила Надежда Кристина Валерия Лариса Оксана Яна Диана Вероника Жанна'.split()
RU_M = 'Алексей Дмитрий Сергей Андрей Иван Михаил Никита Павел Артём Максим Константин Егор Роман Игорь Владимир Кирилл Денис Олег Григорий Тимур Антон Вадим Илья Станислав Фёдор Глеб Руслан Ярослав Борис Матвей'.split()
RU_LAST = ('Смирнов Кузнецов Попов Соколов Лебедев Козлов Новиков Морозов Волков Соловьёв Васильев Зайцев '
           'Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов Беляев Тарасов Белов Комаров '
           'Орлов Киселёв Макаров Андреев Ковалёв Ильин Гусев Титов Кузьмин Кудрявцев Баранов Куликов Алексеев '
           'Степанов Яковлев Сорокин Романов Захаров Борисов Королёв Герасимов Пономарёв Григорьев Лазарев '
           'Медведев Ершов Никитин Соболев Рябов Поляков Цветков Данилов Жуков Фролов Журавлёв Николаев '
           'Осипов Субботин Крылов Маслов Шестаков Денисов Ефимов Чернов Блинов Лукин Гаврилов Широков').split()
EN_FIRST = ('James Emily Oliver Sophie Daniel Hannah Lucas Chloe Ethan Grace Noah Isla Liam Ava Jack Mia Ryan '
            'Zoe Adam Lily Tom Ella Sam Ruby Ben Leah Mark Nina Paul Sara Chris Laura Matteo Giulia Lukas Anna '
            'Pierre Claire Diego Lucia Kenji Priya Omar Leila Erik Freya Aisha Jonas Mateo Elena Felix Ines').split()
EN_LAST = ('Walker Harris Clarke Turner Hughes Wood Baker Hall Green Lewis Wright Cooper King Bennett Ward '
           'Morgan Price Bell Rossi Bianchi Schneider Weber Dubois Moreau Garcia Lopez Tanaka Sharma Haddad '
           'Nilsson Larsen Kelly Murphy Fischer Novak Silva Costa Jensen Brooks Reid Okafor Meyer Lindqvist').split()
TR = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
              ['a', 'b', 'v', 'g', 'd', 'e', 'e', 'zh', 'z', 'i', 'y', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'f',
               'kh', 'ts', 'ch', 'sh', 'shch', '', 'y', '', 'e', 'yu', 'ya']))
ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
HOURS = [8, 9, 10, 11, 12, 12, 13, 13, 14, 15, 16, 17, 18, 18, 19, 19, 20, 20, 21, 21, 22, 22, 23]


def translit(s):
    return ''.join(TR.get(c, c) for c in s.lower())


class Story:
    """config keys: brand, competitors, seed, start (Monday, datetime), weeks, files, here, out, labels,
    customer_prefix (id prefix of the brand's site/app customers), places ({brand: [slug, …]}),
    place_words ({text fragment: slug suffix}), week_weights(brand, codes, text) -> list or None,
    blogs, chats_ru, chats_en, vk_groups, extras (file with 2 cross-post lines, 2 links-only spam lines and
    1 flood line), cross_post_author, spam_authors, flood_author, duplicate_sources."""

    def __init__(self, cfg):
        self.cfg = cfg
        self.rng = random.Random(cfg['seed'])
        self.used_names, self.seen_ext = set(), set()

    # ---- people ---------------------------------------------------------------------------
    def person(self, ru, gender):
        rng = self.rng
        while True:
            if ru:
                fem = gender == 'f' or (gender is None and rng.random() < 0.5)
                first = rng.choice(RU_F if fem else RU_M)
                last = rng.choice(RU_LAST) + ('а' if fem else '')
                sf, sl = translit(first), translit(last)
            else:
                first, last = rng.choice(EN_FIRST), rng.choice(EN_LAST)
                sf, sl = first.lower(), last.lower()
            if (first, last) not in self.used_names:
                self.used_names.add((first, last))
                return first, last, sf, sl

    def author(self, source, brand, ru, gender):
        rng, cfg = self.rng, self.cfg
        first, last, sf, sl = self.person(ru, gender)
        domain = 'example.ru' if ru else 'example.com'
        year = rng.choice(['', '', str(rng.randint(78, 99)), str(rng.randint(1980, 2005))])
        handle = [f'{sf}_{sl}{year}', f'{sf[0]}{sl}{year}', f'{sf}.{sl[:3]}{year}', f'{sl}_{sf[:4]}{rng.randint(1, 999)}'][rng.randrange(4)]
        a = {}
        if source in ('site', 'app') and brand == cfg['brand'] or source in SURVEYS or source == 'email':
            if source not in SURVEYS or rng.random() < 0.8:
                a['name'] = f'{first} {last}'
            a['email'] = f'{sf}.{sl}{rng.choice(["", str(rng.randint(1, 99))])}@{domain}'
            if source in ('site', 'app') or rng.random() < 0.5:
                a['id'] = f'{cfg["customer_prefix"]}{rng.randint(100000, 999999)}'
        elif source == 'yandex_maps':
            a['name'] = f'{first} {last[0]}.'
            a['handle'] = handle
        elif source == 'google':
            a['name'] = rng.choice([f'{first} {last}', f'{first} {last[0]}.'])
            a['handle'] = handle
        elif source == 'app':  # competitors' app-store reviews: nicknames
            a['name'] = rng.choice([first, f'{first} {last[0]}.', sf + str(rng.randint(1, 99))])
            a['handle'] = handle
        elif source == 'rss':
            a['name'] = f'{first} {last}'
            a['handle'] = rng.choice(cfg['blogs'])
        else:
            a['name'] = rng.choice([f'{first} {last}', first, f'{first} {last[0]}.'])
            a['handle'] = handle.replace('.', '_') if source == 'twitter' else handle
        return a

    # ---- ids and urls -----------------------------------------------------------------------
    def rnd(self, n, alphabet=ALNUM):
        return ''.join(self.rng.choice(alphabet) for _ in range(n))

    def place(self, brand, text):
        low = text.lower()
        for key, suffix in self.cfg['place_words'].items():
            slug = f'{brand}-{suffix}'
            if key in low and slug in self.cfg['places'][brand]:
                return slug
        return self.rng.choice(self.cfg['places'][brand])

    def ext_and_url(self, source, brand, author, text):
        rng, cfg, h = self.rng, self.cfg, author.get('handle', 'user')
        ru = lang(text) == 'ru'
        while True:
            if source == 'yandex_maps':
                e = self.rnd(22); u = f'https://example.ru/maps/org/{self.place(brand, text)}/reviews/{e}'
            elif source == 'google':
                e = 'Ch' + self.rnd(24); u = f'https://example.com/maps/place/{self.place(brand, text)}/review/{e}'
            elif source == 'site':
                e = f'r-{rng.randint(100000, 199999)}'; u = f'https://example.ru/{brand}/reviews/{e}'
            elif source == 'app':
                e = str(rng.randint(10**9, 10**10 - 1)); u = f'https://example.com/apps/{brand}/reviews/{e}'
            elif source == 'twitter':
                e = str(rng.randint(19 * 10**17, 20 * 10**17)); u = f'https://example.com/x/{h}/status/{e}'
            elif source == 'vk':
                e = f'wall-{rng.choice(cfg["vk_groups"])}_{rng.randint(1000, 99999)}'; u = f'https://example.ru/vk/{e}'
            elif source == 'telegram':
                chat = rng.choice(cfg['chats_ru'] if ru else cfg['chats_en'])
                e = f'{chat}/{rng.randint(1000, 99999)}'; u = f'https://example.ru/t/{e}'
            elif source == 'typeform':
                e = self.rnd(32, 'abcdefghijklmnopqrstuvwxyz0123456789'); u = None
            elif source == 'formbricks':
                e = 'msg_' + self.rnd(26, 'abcdefghijklmnopqrstuvwxyz0123456789'); u = None
            elif source == 'surveymonkey':
                e = str(rng.randint(10**11, 10**12 - 1)); u = None
            elif source == 'qualtrics':
                e = 'R_' + self.rnd(15); u = None
            elif source == 'google_forms':
                e = '2_AB' + self.rnd(28); u = None
            elif source == 'email':
                e = f'<{self.rnd(16, "abcdef0123456789")}@mail.example.ru>'; u = None
            elif source == 'rss':
                u = f'https://example.ru/blog/{h}/{self.rnd(8, "abcdefghijklmnopqrstuvwxyz")}'; e = u
            else:
                raise ValueError(source)
            if (source, e) not in self.seen_ext:
                self.seen_ext.add((source, e))
                return e, u

    # ---- time -------------------------------------------------------------------------------
    def when(self, brand, codes, text):
        cfg, rng = self.cfg, self.rng
        weights = cfg['week_weights'](brand, codes, text) or [1] * cfg['weeks']
        week = rng.choices(range(cfg['weeks']), weights)[0]
        local = cfg['start'] + dt.timedelta(days=week * 7 + rng.randrange(7), hours=rng.choice(HOURS),
                                            minutes=rng.randrange(60), seconds=rng.randrange(60))
        return local - dt.timedelta(hours=3)  # Moscow time -> UTC

    @staticmethod
    def iso(t_utc, ru):
        if ru:
            return (t_utc + dt.timedelta(hours=3)).strftime('%Y-%m-%dT%H:%M:%S+03:00')
        return t_utc.strftime('%Y-%m-%dT%H:%M:%SZ')

    # ---- items ------------------------------------------------------------------------------
    def item(self, spec, author=None, t=None):
        b, source, channel, score, sentiment, codes, text = spec
        gender = None
        m = re.match(r'\{([fm])\} ', text)
        if m:
            gender, text = m.group(1), text[m.end():]
        ru = lang(text) == 'ru'
        author = author or self.author(source, b, ru, gender)
        e, u = self.ext_and_url(source, b, author, text)
        t = t or self.when(b, codes, text)
        kind = 'survey' if source in SURVEYS else 'mention' if source in MENTIONS else 'review'
        o = {'kind': kind, 'source': source, 'channel': channel, 'brand': b}
        if b != self.cfg['brand']:
            o['competitorOf'] = self.cfg['brand']
        o['externalId'] = e
        o['text'] = text
        if score != '-':
            o['nps' if source in SURVEYS else 'rating'] = int(score)
        o['author'] = author
        if u:
            o['url'] = u
        o['createdAt'] = self.iso(t, ru)
        return t, o, label(o, sentiment, codes)

    def compose(self):
        cfg, rng = self.cfg, self.rng
        items = []
        for path in cfg['files']:
            for spec in parse_spec(os.path.join(cfg['here'], path)):
                items.append(self.item(spec))
        extras = list(parse_spec(os.path.join(cfg['here'], cfg['extras'])))
        # Cross-post: one author, near-identical text on two networks, four minutes apart.
        t0 = cfg['start'] + cfg['cross_post_at'] - dt.timedelta(hours=3)  # Moscow time -> UTC
        for k, spec in enumerate(extras[:2]):
            items.append(self.item(spec, dict(cfg['cross_post_author']), t0 + dt.timedelta(minutes=4 * k)))
        first = items[-2][2]
        items[-1][2]['crossPostOf'] = {'source': first['source'], 'externalId': first['externalId']}
        # Spam: two links-only posts and a flood of the same text from one account.
        for spec, spammer in zip(extras[2:4], cfg['spam_authors']):
            items.append(self.item(spec, dict(spammer)))
        t1 = cfg['start'] + cfg['flood_at'] - dt.timedelta(hours=3)
        for k in range(3):
            items.append(self.item(extras[4], dict(cfg['flood_author']), t1 + dt.timedelta(seconds=53 * k)))
        items.sort(key=lambda x: x[0])
        lines = [json.dumps(o, ensure_ascii=False) for _, o, _ in items]
        labels = [json.dumps(lab, ensure_ascii=False) for _, _, lab in items]
        # Exact duplicates (same source + externalId), as a webhook retry or a re-import would deliver them.
        for src in cfg['duplicate_sources']:
            cand = [i for i, (_, o, lab) in enumerate(items) if o['source'] == src and o['brand'] == cfg['brand']
                    and not lab.get('spam') and 'crossPostOf' not in lab]
            o = items[rng.choice(cand[: len(cand) // 2])][1]
            j = lines.index(json.dumps(o, ensure_ascii=False))
            at = rng.randrange(j + 5, len(lines))
            lines.insert(at, lines[j])
            labels.insert(at, labels[j])
        with open(cfg['out'], 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines) + '\n')
        with open(cfg['labels'], 'w', encoding='utf-8') as f:
            f.write('\n'.join(labels) + '\n')
        print(f'{len(lines)} lines -> {os.path.normpath(cfg["out"])}, {len(labels)} labels -> {os.path.normpath(cfg["labels"])}')


def compose(script, cfg):
    """What a story's compose.py runs: its spec files sit beside `script`; feedback.jsonl goes to the path the
    command line names, else one folder up, and labels.jsonl beside it."""
    here = os.path.dirname(os.path.abspath(script))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', 'feedback.jsonl')
    Story(dict(cfg, here=here, out=out, labels=os.path.join(os.path.dirname(out), 'labels.jsonl'))).compose()
