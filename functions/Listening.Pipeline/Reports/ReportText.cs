using System.Globalization;
using Listening.Core.Matrix;

namespace Listening.Reports;

/// <summary>The report's words in Russian and English, and the reasons a factor sits where it does.</summary>
public sealed class ReportText
{
    public required string Lang { get; init; }
    public required CultureInfo Culture { get; init; }
    public required string Title, Period, Competitors, NoCompetitors, Generated, ItemsAnalysed, ExcludedAsSpam, NotYetScored;
    public required string NetSentiment, Nps, NpsHint, AverageRating, FactorsToFix, MixedItems;
    public required string Takeaways, Matrix, MatrixHint, ActionTable, Factor, Action, Why, Importance, Performance;
    public required string VsCompetitors, Previous, Trend, Insufficient, CompetitorComparison, CompetitorHint;
    public required string CompetitorMatrices, Openings, NoOpenings, NpsTitle, Promoters, Passives, Detractors, ByChannel;
    public required string Wheel, WheelHint, Channel, Score, Trends, TrendsHint, Quotes, HowToRead;
    public required string ImportanceAxisLow, ImportanceAxisHigh, PerformanceAxisLow, PerformanceAxisHigh, NoData, Held;
    public required string NpsNoAnswers, Week, Month, Day, Interval, FixFirst;
    public required string PromoteIt, OpeningsLine, PreviousPeriod;
    public required string Borderline, BorderlineFix, BorderlinePromote, NotAdvertised, DeltaVsTrailMost, FadedDot, BorderlineMark, HeldMark;
    public required string ImportanceRestsOnTitle, CompetitorTable, QuotesHint;
    public required Dictionary<Quadrant, string> QuadrantNames, QuadrantMeanings;
    public required Dictionary<ImportanceMeasure, string> Measures;
    public required Dictionary<string, string> Channels;

    public string QuadrantName(Quadrant q) => QuadrantNames[q];
    public string ChannelName(string channel) => Channels.TryGetValue(channel, out var n) ? n
        : channel.Length == 0 ? channel : char.ToUpper(channel[0], Culture) + channel[1..].Replace('_', ' ').Replace('-', ' ');

    public string Num(double? v, string format = "0.00") => v is { } x && !double.IsNaN(x) ? x.ToString(format, Culture) : "—";
    public string Signed(double? v, string format = "+0.00;−0.00;0.00") => Num(v, format);
    public string Count(long n) => n.ToString("#,0", Culture);

    public static ReportText For(string lang) => lang == "ru" ? Ru : En;

    private string Q(Quadrant q) => Lang == "ru" ? $"«{QuadrantName(q)}»" : $"“{QuadrantName(q)}”";

    public string OutcomeName(Outcome o) => (Lang, o) switch
    {
        ("ru", Outcome.Rating) => "оценка в звёздах",
        ("ru", Outcome.Nps) => "ответ NPS",
        ("ru", _) => "тональность текста",
        (_, Outcome.Rating) => "star rating",
        (_, Outcome.Nps) => "NPS answer",
        _ => "text sentiment",
    };

    public string AxisName(MatrixAxis a) => (Lang, a) switch
    {
        ("ru", MatrixAxis.Importance) => "важность",
        ("ru", MatrixAxis.Performance) => "оценка",
        ("ru", _) => "преимущество перед конкурентом",
        (_, MatrixAxis.Importance) => "importance",
        (_, MatrixAxis.Performance) => "performance",
        _ => "the edge over competitors",
    };

    /// <summary>What one factor's importance rests on, in words: the outcome groups, their items and the mentions among them.</summary>
    public string RestsOn(FactorPosition f, ImportanceMeasure measure, long totalItems)
    {
        var ru = Lang == "ru";
        if (measure == ImportanceMeasure.ShareOfMentions)
            return ru ? $"доля упоминаний: {Count(f.N)} из {Count(Math.Max(totalItems, f.N))} {Plural.Word(Math.Max(totalItems, f.N), Lang, "отзыва", "отзывов", "отзывов", "", "")}"
                      : $"share of mentions: {Count(f.N)} of {Plural.Items(Math.Max(totalItems, f.N), Lang)}";
        var parts = f.ImportanceBasis.Where(b => b.Items > 0).Select(b =>
            ru ? $"{OutcomeName(b.Outcome)} — {Count(b.Items)} (с фактором {Count(b.Mentions)}, r {Num(b.R)})"
               : $"{OutcomeName(b.Outcome)} {Count(b.Items)} ({Count(b.Mentions)} mention it, r {Num(b.R)})");
        return (ru ? $"r {Num(f.Importance.Value)} по {Count(f.Importance.N)} {Plural.Word(f.Importance.N, Lang, "отзыву", "отзывам", "отзывам", "", "")}: "
                   : $"r {Num(f.Importance.Value)} over {Plural.Items(f.Importance.N, Lang)}: ")
            + string.Join("; ", parts);
    }

    /// <summary>
    /// Why a factor sits in its quadrant, in words, with the figures and intervals that put it there. States as
    /// certain only what the intervals make clear; a line too close to call is said to be so, and a borderline
    /// factor names both quadrants.
    /// </summary>
    public string Reason(FactorPosition f, Crosshairs c, MatrixRules rules, Func<string, string>? brandName = null)
    {
        var ru = Lang == "ru";
        var name = brandName ?? (b => b);
        if (f.Quadrant == Quadrant.Insufficient)
            return f.Unplaced switch
            {
                Unplaced.TooFewFactors => ru
                    ? $"Упоминаний {Count(f.N)}, но факторов с {rules.MinMentions} и более упоминаниями всего {c.Factors}, а матрице нужно не меньше {rules.MinPlacedFactors}: медианы по стольким факторам ничего не делят, квадрант не присваивается — сравнивайте цифры в таблице."
                    : $"{Plural.Mentions(f.N, Lang)}, but only {c.Factors} of the factors have {rules.MinMentions} or more, and a matrix needs {rules.MinPlacedFactors}: medians over so few split nothing, so no quadrant — compare the figures in the table.",
                Unplaced.NoImportance => ru
                    ? "Важность не измерить: там, где фактор упомянут, не меняется ни его тональность, ни итоговая оценка."
                    : "Its importance cannot be measured: where it is mentioned, neither its sentiment nor the outcome varies.",
                _ => ru ? $"Всего {Plural.Mentions(f.N, Lang)} при минимуме {rules.MinMentions}: данных мало, квадрант не присваивается."
                        : $"Only {Plural.Mentions(f.N, Lang)} (minimum {rules.MinMentions}): not enough data for a quadrant.",
            };
        var near = f.Uncertain.ToHashSet();
        var (iv, il, ih, im) = (Num(f.Importance.Value), Num(f.Importance.Low), Num(f.Importance.High), Num(c.Importance));
        var (pv, pl, ph, pm) = (Signed(f.Performance.Value), Signed(f.Performance.Low), Signed(f.Performance.High), Signed(c.Performance));
        var impClose = f.Importance.Straddles(c.Importance) || Math.Abs(f.Importance.Value - c.Importance) <= rules.Margin;
        var perfClose = f.Performance.Straddles(c.Performance) || Math.Abs(f.Performance.Value - c.Performance) <= rules.Margin;
        var sentences = new List<string>
        {
            impClose
                ? (ru ? $"Важность {iv} [{il}; {ih}]: слишком близко к медиане {im}, чтобы судить." : $"Importance {iv} [{il}; {ih}]: too close to the median {im} to call.")
                : f.ImportanceHigh
                    ? (ru ? $"Важность {iv} [{il}; {ih}]: выше медианы {im}." : $"Importance {iv} [{il}; {ih}]: above the median {im}.")
                    : (ru ? $"Важность {iv} [{il}; {ih}]: ниже медианы {im}." : $"Importance {iv} [{il}; {ih}]: below the median {im}."),
            perfClose
                ? (ru ? $"Оценка {pv} [{pl}; {ph}]: слишком близко к медиане {pm}, чтобы судить." : $"Performance {pv} [{pl}; {ph}]: too close to the median {pm} to call.")
                : f.PerformanceHigh
                    ? (ru ? $"Оценка {pv} [{pl}; {ph}]: выше медианы {pm}." : $"Performance {pv} [{pl}; {ph}]: above the median {pm}.")
                    : (ru ? $"Оценка {pv} [{pl}; {ph}]: ниже медианы {pm}." : $"Performance {pv} [{pl}; {ph}]: below the median {pm}."),
        };
        // What "promote" needs matters when the factor is, or may be, important and rated above the median.
        var promoteAtStake = f.RawQuadrant is Quadrant.Promote || f.Alternative is Quadrant.Promote || (f.ImportanceHigh && f.PerformanceHigh);
        if (promoteAtStake)
            sentences.Add(f.ClearlyPositive
                ? (ru ? $"Явный позитив: интервал оценки выше {Signed(rules.PromoteAbove)}." : $"Clearly positive: the interval is above {Signed(rules.PromoteAbove)}.")
                : (ru ? $"Явного позитива нет: интервал оценки опускается до {pl}." : $"Not clearly positive: the interval reaches down to {pl}."));
        if (f.Weakest is { } w)
        {
            var (d, dl, dh) = (Signed(w.Delta.Value), Signed(w.Delta.Low), Signed(w.Delta.High));
            sentences.Add(f.Ahead == true
                ? (f.Competitors.Count > 1
                    ? (ru ? $"Впереди всех конкурентов: Δ {d} [{dl}; {dh}] к ближайшему, «{name(w.Competitor)}»." : $"Ahead of every competitor: Δ {d} [{dl}; {dh}] against the closest, {name(w.Competitor)}.")
                    : (ru ? $"Впереди конкурента «{name(w.Competitor)}»: Δ {d} [{dl}; {dh}]." : $"Ahead of {name(w.Competitor)}: Δ {d} [{dl}; {dh}]."))
                : w.Delta.Value < 0 && f.Ahead == false && Math.Abs(w.Delta.Value) > rules.Margin
                    ? (ru ? $"Позади конкурента «{name(w.Competitor)}»: Δ {d} [{dl}; {dh}]." : $"Behind {name(w.Competitor)}: Δ {d} [{dl}; {dh}].")
                    : (ru ? $"Наравне с конкурентом «{name(w.Competitor)}»: Δ {d} [{dl}; {dh}]." : $"Level with {name(w.Competitor)}: Δ {d} [{dl}; {dh}]."));
        }
        else if (promoteAtStake)
            sentences.Add(ru ? "Сравнить не с кем: у конкурентов мало упоминаний." : "No competitor with enough mentions to compare with.");

        var raw = f.RawQuadrant;
        sentences.Add(raw switch
        {
            Quadrant.Fix => ru ? "Итог: исправлять." : "So: fix.",
            Quadrant.Promote => f.Weakest is null
                ? (ru ? "Итог: продвигать (данных о конкурентах нет)." : "So: promote (no competitor data to compare with).")
                : (ru ? "Итог: продвигать — впереди конкурентов." : "So: promote — ahead of competitors."),
            Quadrant.Maintain when f.ImportanceHigh && f.PerformanceHigh => !f.ClearlyPositive
                ? (ru ? "Итог: поддерживать, а не продвигать — нет явного позитива." : "So: maintain, not promote — not clearly positive.")
                : (ru ? $"Итог: поддерживать, а не продвигать — нет преимущества перед «{name(f.Weakest?.Competitor ?? "")}»." : $"So: maintain, not promote — no edge over {name(f.Weakest?.Competitor ?? "")}."),
            Quadrant.Maintain => ru ? "Итог: поддерживать." : "So: maintain.",
            _ => ru ? "Итог: наблюдать." : "So: watch.",
        });
        if (f.HeldOn.Count > 0)
        {
            var axes = string.Join(", ", f.HeldOn.Select(AxisName));
            sentences.Add(ru ? $"Оставлен в {Q(f.Quadrant)} прошлого периода: сдвиг в {Q(raw)} в пределах погрешности ({axes})."
                             : $"Kept in {Q(f.Quadrant)} from the previous period: the move to {Q(raw)} is within the margin of error ({axes}).");
        }
        else if (f.Changed)
            sentences.Add(ru ? $"В прошлом периоде: {Q(f.PreviousQuadrant!.Value)} — изменение выходит за пределы интервала."
                             : $"Previous period: {Q(f.PreviousQuadrant!.Value)} — the move clears the interval.");
        if (f.Alternative is { } alt && f.HeldOn.Count == 0)
        {
            var axes = string.Join(ru ? " и " : " and ", f.Uncertain.Select(AxisName));
            sentences.Add(ru ? $"Пограничный: вероятнее {Q(f.Quadrant)}, возможно {Q(alt)} ({axes} — слишком близко, чтобы судить)."
                             : $"Borderline: most likely {Q(f.Quadrant)}, possibly {Q(alt)} ({axes} too close to call).");
        }
        return string.Join(" ", sentences);
    }

    private static readonly ReportText En = new()
    {
        Lang = "en", Culture = CultureInfo.GetCultureInfo("en-GB"),
        Title = "Customer feedback: action matrix", Period = "Period", Competitors = "Competitors", NoCompetitors = "none named",
        Generated = "Generated", ItemsAnalysed = "Feedback items", ExcludedAsSpam = "excluded as spam", NotYetScored = "not yet scored",
        NetSentiment = "Net sentiment",
        MixedItems = "mixed (praise and complaint)",
        Nps = "NPS", NpsHint = "% promoters − % detractors, −100 … +100", AverageRating = "Average rating", FactorsToFix = "Factors to fix",
        Takeaways = "Key takeaways", Matrix = "Action matrix", MatrixHint = "Each dot is a factor; its size shows the number of mentions, whiskers the 95 % intervals. Lines are the medians.",
        ActionTable = "What to do, factor by factor", Factor = "Factor", Action = "Action", Why = "Why", Importance = "Importance", Performance = "Performance",
        VsCompetitors = "vs competitors (Δ)", Previous = "Previous", Trend = "Trend", Insufficient = "insufficient data",
        CompetitorComparison = "Competitor comparison", CompetitorHint = "Performance (net sentiment, −1 … +1) on each factor for us and each competitor; n = each brand's mentions of the factor, in the legend's order. Right: Δ = ours − theirs against the competitor we trail most (or lead least).",
        CompetitorMatrices = "Each competitor's own matrix", Openings = "Openings for us", NoOpenings = "no clear openings in this period",
        NpsTitle = "Net Promoter Score", Promoters = "Promoters (9–10)", Passives = "Passives (7–8)", Detractors = "Detractors (0–6)", ByChannel = "By channel",
        Wheel = "Touchpoint wheel", WheelHint = "Each channel scored 0–10 from its own feedback. A round wheel rides smoothly; a dent shows the touchpoint to work on.",
        Channel = "Channel", Score = "Score", Trends = "Trends over the period", TrendsHint = "Net sentiment per period for us and each competitor; NPS where answers exist.",
        Quotes = "What customers say", HowToRead = "How to read this report", ImportanceAxisLow = "less important", ImportanceAxisHigh = "more important",
        PerformanceAxisLow = "rated worse", PerformanceAxisHigh = "rated better", NoData = "no data", Held = "kept from previous period", NpsNoAnswers = "No NPS answers in this period.", Week = "week", Month = "month", Day = "day", Interval = "95 % interval", FixFirst = "Fix first", PromoteIt = "Advertise", OpeningsLine = "Openings (competitor weak, we are ahead)",
        PreviousPeriod = "previous period",
        Borderline = "borderline", BorderlineFix = "Probably fix — not certain", BorderlinePromote = "Possibly worth advertising — not certain",
        NotAdvertised = "Not to advertise yet",
        DeltaVsTrailMost = "Δ vs the competitor we trail most (or lead least)",
        FadedDot = "Faded dot: that competitor has fewer mentions of the factor than the minimum — shown for context, no Δ.",
        BorderlineMark = "Dashed outline: borderline — an interval crosses a median; the table names both quadrants.",
        HeldMark = "Dashed ring: kept in last period's quadrant (the move is within the margin of error).",
        ImportanceRestsOnTitle = "Importance rests on", CompetitorTable = "Too few factors with enough mentions for a matrix: the figures as a table.",
        QuotesHint = "Each quote contains the clause where the factor was found, highlighted in the colour of that mention's sentiment (green positive, red negative, grey neutral). Personal data (names, e-mails, phone numbers, @handles) is masked.",
        QuadrantNames = new() { [Quadrant.Fix] = "fix", [Quadrant.Promote] = "promote", [Quadrant.Maintain] = "maintain", [Quadrant.Watch] = "watch", [Quadrant.Insufficient] = "insufficient data" },
        QuadrantMeanings = new()
        {
            [Quadrant.Fix] = "matters and hurts: fix first", [Quadrant.Promote] = "a real strength customers care about: advertise it",
            [Quadrant.Maintain] = "keep the level, don't over-invest", [Quadrant.Watch] = "weak but not yet important: monitor for growth",
            [Quadrant.Insufficient] = "too few mentions to judge",
        },
        Measures = new()
        {
            [ImportanceMeasure.OutcomeCorrelation] = "correlation of the factor's sentiment with each item's own outcome (star rating, else NPS answer, else sentiment of the whole text)",
            [ImportanceMeasure.ShareOfMentions] = "share of feedback that mentions the factor (too few items with an outcome for a correlation)",
        },
        Channels = new() { ["site"] = "Website", ["web"] = "Website", ["app"] = "App", ["contact_centre"] = "Contact centre", ["contact-centre"] = "Contact centre", ["callcenter"] = "Contact centre", ["social"] = "Social media", ["reviews"] = "Reviews", ["delivery"] = "Delivery", ["store"] = "Store", ["email"] = "E-mail", ["survey"] = "Surveys" },
    };

    private static readonly ReportText Ru = new()
    {
        Lang = "ru", Culture = CultureInfo.GetCultureInfo("ru-RU"),
        Title = "Отзывы клиентов: матрица действий", Period = "Период", Competitors = "Конкуренты", NoCompetitors = "не указаны",
        Generated = "Сформирован", ItemsAnalysed = "Отзывов и упоминаний", ExcludedAsSpam = "исключено как спам", NotYetScored = "ещё не оценено",
        NetSentiment = "Индекс тональности",
        MixedItems = "смешанных (похвала и жалоба)",
        Nps = "NPS", NpsHint = "% промоутеров − % критиков, −100 … +100", AverageRating = "Средняя оценка", FactorsToFix = "Факторов исправить",
        Takeaways = "Главное", Matrix = "Матрица действий", MatrixHint = "Каждая точка — фактор; размер — число упоминаний, усы — 95 % интервалы. Линии — медианы.",
        ActionTable = "Что делать по каждому фактору", Factor = "Фактор", Action = "Действие", Why = "Почему", Importance = "Важность", Performance = "Оценка",
        VsCompetitors = "к конкурентам (Δ)", Previous = "Ранее", Trend = "Динамика", Insufficient = "мало данных",
        CompetitorComparison = "Сравнение с конкурентами", CompetitorHint = "Оценка (индекс тональности, −1 … +1) по каждому фактору для нас и каждого конкурента; n — число упоминаний фактора у каждого бренда, в порядке легенды. Справа: Δ = наша оценка − их, к конкуренту, от которого мы больше всего отстаём (или меньше всего опережаем).",
        CompetitorMatrices = "Матрица каждого конкурента", Openings = "Наши возможности", NoOpenings = "явных возможностей в этом периоде нет",
        NpsTitle = "Индекс потребительской лояльности (NPS)", Promoters = "Промоутеры (9–10)", Passives = "Нейтралы (7–8)", Detractors = "Критики (0–6)", ByChannel = "По каналам",
        Wheel = "Колесо точек контакта", WheelHint = "Каждый канал оценён по шкале 0–10 по его собственным отзывам. Круглое колесо — сервис без сбоев; вмятина показывает, над какой точкой контакта работать.",
        Channel = "Канал", Score = "Оценка", Trends = "Динамика за период", TrendsHint = "Индекс тональности по периодам для нас и каждого конкурента; NPS — где есть ответы.",
        Quotes = "Что говорят клиенты", HowToRead = "Как читать этот отчёт", ImportanceAxisLow = "менее важно", ImportanceAxisHigh = "более важно",
        PerformanceAxisLow = "оценивают хуже", PerformanceAxisHigh = "оценивают лучше", NoData = "нет данных", Held = "оставлен из прошлого периода", NpsNoAnswers = "В этом периоде нет ответов NPS.", Week = "неделя", Month = "месяц", Day = "день", Interval = "95 % интервал", FixFirst = "Исправить в первую очередь", PromoteIt = "Продвигать", OpeningsLine = "Возможности (у конкурента слабо, мы впереди)",
        PreviousPeriod = "прошлый период",
        Borderline = "пограничный", BorderlineFix = "Вероятно, исправить — не наверняка", BorderlinePromote = "Возможно, стоит продвигать — не наверняка",
        NotAdvertised = "Пока не продвигать",
        DeltaVsTrailMost = "Δ к конкуренту, от которого мы больше всего отстаём (или меньше всего опережаем)",
        FadedDot = "Бледная точка: у конкурента меньше упоминаний фактора, чем нужно, — показана для справки, Δ не считается.",
        BorderlineMark = "Пунктирный контур: пограничный фактор — интервал пересекает медиану; в таблице указаны оба квадранта.",
        HeldMark = "Пунктирное кольцо: оставлен в квадранте прошлого периода (сдвиг в пределах погрешности).",
        ImportanceRestsOnTitle = "На чём основана важность", CompetitorTable = "Факторов с достаточным числом упоминаний слишком мало для матрицы: цифры в виде таблицы.",
        QuotesHint = "Каждая цитата содержит часть предложения, где найден фактор; она выделена цветом тональности этого упоминания (зелёный — позитив, красный — негатив, серый — нейтрально). Персональные данные (имена, e-mail, телефоны, @ники) скрыты.",
        QuadrantNames = new() { [Quadrant.Fix] = "исправить", [Quadrant.Promote] = "продвигать", [Quadrant.Maintain] = "поддерживать", [Quadrant.Watch] = "наблюдать", [Quadrant.Insufficient] = "мало данных" },
        QuadrantMeanings = new()
        {
            [Quadrant.Fix] = "важно и болит: исправлять в первую очередь", [Quadrant.Promote] = "настоящая сила, которая важна клиентам: рекламировать",
            [Quadrant.Maintain] = "держать уровень, не вкладывать сверх меры", [Quadrant.Watch] = "слабо, но пока не важно: следить за ростом",
            [Quadrant.Insufficient] = "слишком мало упоминаний для вывода",
        },
        Measures = new()
        {
            [ImportanceMeasure.OutcomeCorrelation] = "корреляция тональности фактора с итоговой оценкой каждого отзыва (звёзды, иначе ответ NPS, иначе тональность всего текста)",
            [ImportanceMeasure.ShareOfMentions] = "доля отзывов, упоминающих фактор (отзывов с итоговой оценкой слишком мало для корреляции)",
        },
        Channels = new() { ["site"] = "Сайт", ["web"] = "Сайт", ["app"] = "Приложение", ["contact_centre"] = "Контакт-центр", ["contact-centre"] = "Контакт-центр", ["callcenter"] = "Контакт-центр", ["social"] = "Соцсети", ["reviews"] = "Отзывы", ["delivery"] = "Доставка", ["store"] = "Магазин", ["email"] = "E-mail", ["survey"] = "Опросы" },
    };
}
