using System.Globalization;
using Listening.Core.Matrix;

namespace Listening.Reports;

/// <summary>The report's words in Russian and English, and the reasons a factor sits where it does.</summary>
public sealed class ReportText
{
    public required string Lang { get; init; }
    public required CultureInfo Culture { get; init; }
    public required string Title, Period, Competitors, NoCompetitors, Generated, ItemsAnalysed, ExcludedAsSpam, NotYetScored;
    public required string NetSentiment, Nps, NpsHint, AverageRating, FactorsToFix;
    public required string Takeaways, Matrix, MatrixHint, ActionTable, Factor, Action, Why, Importance, Performance;
    public required string VsCompetitors, Previous, Trend, Insufficient, CompetitorComparison, CompetitorHint;
    public required string CompetitorMatrices, Openings, NoOpenings, NpsTitle, Promoters, Passives, Detractors, ByChannel;
    public required string Wheel, WheelHint, Channel, Score, Trends, TrendsHint, Quotes, HowToRead;
    public required string ImportanceAxisLow, ImportanceAxisHigh, PerformanceAxisLow, PerformanceAxisHigh, NoData, Held;
    public required string NpsNoAnswers, Week, Month, Day, Interval, FixFirst;
    public required string PromoteIt, OpeningsLine, PreviousPeriod;
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

    private (string Value, string Median) Apart(double value, double median, string sign)
    {
        foreach (var decimals in new[] { 2, 3, 4 })
        {
            var zeros = new string('0', decimals);
            var format = sign == "+" ? $"+0.{zeros};−0.{zeros};0.{zeros}" : $"0.{zeros}";
            var (a, b) = (Num(value, format), Num(median, format));
            if (a != b || value == median) return (a, b);
        }
        return (Num(value, "0.0000"), Num(median, "0.0000"));
    }

    /// <summary>Why a factor sits in its quadrant, in words, with the figures that put it there.</summary>
    public string Reason(FactorPosition f, Crosshairs c, MatrixRules rules)
    {
        var ru = Lang == "ru";
        if (f.Quadrant == Quadrant.Insufficient)
            return ru ? $"Всего {Count(f.N)} упоминаний при минимуме {rules.MinMentions}: данных мало, квадрант не присваивается."
                      : $"Only {Count(f.N)} mentions (minimum {rules.MinMentions}): not enough data for a quadrant.";
        // Enough decimals that a value and the median it is compared with never print the same.
        var (iv, im) = Apart(f.Importance.Value, c.Importance, "");
        var (pv, pm) = Apart(f.Performance.Value, c.Performance, "+");
        var imp = f.ImportanceHigh
            ? (ru ? $"важен (важность {iv} ≥ медианы {im})" : $"important (importance {iv} ≥ median {im})")
            : (ru ? $"менее важен (важность {iv} < медианы {im})" : $"less important (importance {iv} < median {im})");
        var perf = f.PerformanceHigh
            ? (ru ? $"оценивается хорошо (оценка {pv} ≥ медианы {pm})" : $"rated well (performance {pv} ≥ median {pm})")
            : (ru ? $"оценивается плохо (оценка {pv} < медианы {pm})" : $"rated poorly (performance {pv} < median {pm})");
        var edge = f.Weakest is { } w
            ? (w.Delta.Value > 0
                ? (ru ? $"впереди всех конкурентов (Δ {Signed(w.Delta.Value)} к «{w.Competitor}»)" : $"ahead of every competitor (Δ {Signed(w.Delta.Value)} vs {w.Competitor})")
                : w.Delta.Value < 0
                    ? (ru ? $"позади конкурента «{w.Competitor}» (Δ {Signed(w.Delta.Value)})" : $"behind {w.Competitor} (Δ {Signed(w.Delta.Value)})")
                    : (ru ? $"наравне с конкурентом «{w.Competitor}» (Δ 0)" : $"level with {w.Competitor} (Δ 0)"))
            : (ru ? "данных о конкурентах нет" : "no competitor data");
        var text = (ru ? "Фактор " : "The factor is ") + imp + (ru ? " и " : " and ") + perf;
        text += f.RawQuadrant is Quadrant.Promote or Quadrant.Maintain || f.Weakest is not null ? "; " + edge + "." : ".";
        if (f.HeldOn.Count > 0)
        {
            var axes = string.Join(", ", f.HeldOn.Select(a => a switch
            {
                MatrixAxis.Importance => ru ? $"интервал важности [{Num(f.Importance.Low)}; {Num(f.Importance.High)}] пересекает медиану" : $"the importance interval [{Num(f.Importance.Low)}, {Num(f.Importance.High)}] straddles the median",
                MatrixAxis.Performance => ru ? $"интервал оценки [{Signed(f.Performance.Low)}; {Signed(f.Performance.High)}] пересекает медиану" : $"the performance interval [{Signed(f.Performance.Low)}, {Signed(f.Performance.High)}] straddles the median",
                _ => ru ? "интервал Δ включает 0" : "the Δ interval includes 0",
            }));
            text += ru ? $" Оставлен в «{QuadrantName(f.Quadrant)}» прошлого периода (по точечным оценкам был бы «{QuadrantName(f.RawQuadrant)}»): {axes}."
                       : $" Kept in “{QuadrantName(f.Quadrant)}” from the previous period (point estimates say “{QuadrantName(f.RawQuadrant)}”): {axes}.";
        }
        else if (f.Changed)
            text += ru ? $" В прошлом периоде: «{QuadrantName(f.PreviousQuadrant!.Value)}» — изменение выходит за пределы интервала."
                       : $" Previous period: “{QuadrantName(f.PreviousQuadrant!.Value)}” — the move clears the interval.";
        return text;
    }

    private static readonly ReportText En = new()
    {
        Lang = "en", Culture = CultureInfo.GetCultureInfo("en-GB"),
        Title = "Customer feedback: action matrix", Period = "Period", Competitors = "Competitors", NoCompetitors = "none named",
        Generated = "Generated", ItemsAnalysed = "Feedback items", ExcludedAsSpam = "excluded as spam", NotYetScored = "not yet scored",
        NetSentiment = "Net sentiment",
        Nps = "NPS", NpsHint = "% promoters − % detractors, −100 … +100", AverageRating = "Average rating", FactorsToFix = "Factors to fix",
        Takeaways = "Key takeaways", Matrix = "Action matrix", MatrixHint = "Each dot is a factor; its size shows the number of mentions, whiskers the 95 % intervals. Lines are the medians.",
        ActionTable = "What to do, factor by factor", Factor = "Factor", Action = "Action", Why = "Why", Importance = "Importance", Performance = "Performance",
        VsCompetitors = "vs competitors (Δ)", Previous = "Previous", Trend = "Trend", Insufficient = "insufficient data",
        CompetitorComparison = "Competitor comparison", CompetitorHint = "Performance (net sentiment) on each factor, with the number of mentions. Δ = ours − theirs.",
        CompetitorMatrices = "Each competitor's own matrix", Openings = "Openings for us", NoOpenings = "no clear openings in this period",
        NpsTitle = "Net Promoter Score", Promoters = "Promoters (9–10)", Passives = "Passives (7–8)", Detractors = "Detractors (0–6)", ByChannel = "By channel",
        Wheel = "Touchpoint wheel", WheelHint = "Each channel scored 0–10 from its own feedback. A round wheel rides smoothly; a dent shows the touchpoint to work on.",
        Channel = "Channel", Score = "Score", Trends = "Trends over the period", TrendsHint = "Net sentiment per period for us and each competitor; NPS where answers exist.",
        Quotes = "What customers say", HowToRead = "How to read this report", ImportanceAxisLow = "less important", ImportanceAxisHigh = "more important",
        PerformanceAxisLow = "rated worse", PerformanceAxisHigh = "rated better", NoData = "no data", Held = "kept from previous period", NpsNoAnswers = "No NPS answers in this period.", Week = "week", Month = "month", Day = "day", Interval = "95 % interval", FixFirst = "Fix first", PromoteIt = "Advertise", OpeningsLine = "Openings (competitor weak, we are ahead)",
        PreviousPeriod = "previous period",
        QuadrantNames = new() { [Quadrant.Fix] = "fix", [Quadrant.Promote] = "promote", [Quadrant.Maintain] = "maintain", [Quadrant.Watch] = "watch", [Quadrant.Insufficient] = "insufficient data" },
        QuadrantMeanings = new()
        {
            [Quadrant.Fix] = "matters and hurts: fix first", [Quadrant.Promote] = "a real strength customers care about: advertise it",
            [Quadrant.Maintain] = "keep the level, don't over-invest", [Quadrant.Watch] = "weak but not yet important: monitor for growth",
            [Quadrant.Insufficient] = "too few mentions to judge",
        },
        Measures = new()
        {
            [ImportanceMeasure.RatingCorrelation] = "correlation of the factor's sentiment with the star rating",
            [ImportanceMeasure.NpsCorrelation] = "correlation of the factor's sentiment with the NPS answer",
            [ImportanceMeasure.SentimentCorrelation] = "correlation of the factor's sentiment with the sentiment of the whole text",
            [ImportanceMeasure.ShareOfMentions] = "share of feedback that mentions the factor (too few rated items for a correlation)",
        },
        Channels = new() { ["site"] = "Website", ["web"] = "Website", ["app"] = "App", ["contact_centre"] = "Contact centre", ["contact-centre"] = "Contact centre", ["callcenter"] = "Contact centre", ["social"] = "Social media", ["reviews"] = "Reviews", ["delivery"] = "Delivery", ["store"] = "Store", ["email"] = "E-mail", ["survey"] = "Surveys" },
    };

    private static readonly ReportText Ru = new()
    {
        Lang = "ru", Culture = CultureInfo.GetCultureInfo("ru-RU"),
        Title = "Отзывы клиентов: матрица действий", Period = "Период", Competitors = "Конкуренты", NoCompetitors = "не указаны",
        Generated = "Сформирован", ItemsAnalysed = "Отзывов и упоминаний", ExcludedAsSpam = "исключено как спам", NotYetScored = "ещё не оценено",
        NetSentiment = "Индекс тональности",
        Nps = "NPS", NpsHint = "% промоутеров − % критиков, −100 … +100", AverageRating = "Средняя оценка", FactorsToFix = "Факторов исправить",
        Takeaways = "Главное", Matrix = "Матрица действий", MatrixHint = "Каждая точка — фактор; размер — число упоминаний, усы — 95 % интервалы. Линии — медианы.",
        ActionTable = "Что делать по каждому фактору", Factor = "Фактор", Action = "Действие", Why = "Почему", Importance = "Важность", Performance = "Оценка",
        VsCompetitors = "к конкурентам (Δ)", Previous = "Ранее", Trend = "Динамика", Insufficient = "мало данных",
        CompetitorComparison = "Сравнение с конкурентами", CompetitorHint = "Оценка (индекс тональности) по каждому фактору и число упоминаний. Δ = наша оценка − их.",
        CompetitorMatrices = "Матрица каждого конкурента", Openings = "Наши возможности", NoOpenings = "явных возможностей в этом периоде нет",
        NpsTitle = "Индекс потребительской лояльности (NPS)", Promoters = "Промоутеры (9–10)", Passives = "Нейтралы (7–8)", Detractors = "Критики (0–6)", ByChannel = "По каналам",
        Wheel = "Колесо точек контакта", WheelHint = "Каждый канал оценён по шкале 0–10 по его собственным отзывам. Круглое колесо — сервис без сбоев; вмятина показывает, над какой точкой контакта работать.",
        Channel = "Канал", Score = "Оценка", Trends = "Динамика за период", TrendsHint = "Индекс тональности по периодам для нас и каждого конкурента; NPS — где есть ответы.",
        Quotes = "Что говорят клиенты", HowToRead = "Как читать этот отчёт", ImportanceAxisLow = "менее важно", ImportanceAxisHigh = "более важно",
        PerformanceAxisLow = "оценивают хуже", PerformanceAxisHigh = "оценивают лучше", NoData = "нет данных", Held = "оставлен из прошлого периода", NpsNoAnswers = "В этом периоде нет ответов NPS.", Week = "неделя", Month = "месяц", Day = "день", Interval = "95 % интервал", FixFirst = "Исправить в первую очередь", PromoteIt = "Продвигать", OpeningsLine = "Возможности (у конкурента слабо, мы впереди)",
        PreviousPeriod = "прошлый период",
        QuadrantNames = new() { [Quadrant.Fix] = "исправить", [Quadrant.Promote] = "продвигать", [Quadrant.Maintain] = "поддерживать", [Quadrant.Watch] = "наблюдать", [Quadrant.Insufficient] = "мало данных" },
        QuadrantMeanings = new()
        {
            [Quadrant.Fix] = "важно и болит: исправлять в первую очередь", [Quadrant.Promote] = "настоящая сила, которая важна клиентам: рекламировать",
            [Quadrant.Maintain] = "держать уровень, не вкладывать сверх меры", [Quadrant.Watch] = "слабо, но пока не важно: следить за ростом",
            [Quadrant.Insufficient] = "слишком мало упоминаний для вывода",
        },
        Measures = new()
        {
            [ImportanceMeasure.RatingCorrelation] = "корреляция тональности фактора с оценкой в звёздах",
            [ImportanceMeasure.NpsCorrelation] = "корреляция тональности фактора с ответом NPS",
            [ImportanceMeasure.SentimentCorrelation] = "корреляция тональности фактора с тональностью всего текста",
            [ImportanceMeasure.ShareOfMentions] = "доля отзывов, упоминающих фактор (оценок слишком мало для корреляции)",
        },
        Channels = new() { ["site"] = "Сайт", ["web"] = "Сайт", ["app"] = "Приложение", ["contact_centre"] = "Контакт-центр", ["contact-centre"] = "Контакт-центр", ["callcenter"] = "Контакт-центр", ["social"] = "Соцсети", ["reviews"] = "Отзывы", ["delivery"] = "Доставка", ["store"] = "Магазин", ["email"] = "E-mail", ["survey"] = "Опросы" },
    };
}
