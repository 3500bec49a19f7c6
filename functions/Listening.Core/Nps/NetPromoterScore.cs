using Listening.Core.Matrix;

namespace Listening.Core.Nps;

/// <summary>
/// NPS from 0–10 answers: promoters 9–10, passives 7–8, detractors 0–6;
/// NPS = %promoters − %detractors in [−100, 100], with the sample size and a 95 % interval.
/// </summary>
public sealed record NetPromoterScore(long Promoters, long Passives, long Detractors, Estimate Score)
{
    public long N => Promoters + Passives + Detractors;

    public static NetPromoterScore From(long promoters, long passives, long detractors, double z = 1.96)
    {
        // NPS is the net score of +1/0/−1 answers scaled by 100: same interval method as performance.
        var net = Estimate.NetScore(promoters, passives, detractors, z);
        var score = net.N == 0 ? Estimate.Empty : new Estimate(net.Value * 100, net.Low * 100, net.High * 100, net.N);
        return new NetPromoterScore(promoters, passives, detractors, score);
    }

    public static NetPromoterScore From(ChannelStats stats, double z = 1.96) =>
        From(stats.Promoters, stats.Passives, stats.Detractors, z);

    public static NetPromoterScore FromAnswers(IEnumerable<int> answers, double z = 1.96)
    {
        long p = 0, pa = 0, d = 0;
        foreach (var a in answers)
        {
            if (a is < 0 or > 10) throw new ArgumentOutOfRangeException(nameof(answers), a, "an NPS answer is 0–10");
            if (a >= 9) p++;
            else if (a >= 7) pa++;
            else d++;
        }
        return From(p, pa, d, z);
    }
}

/// <summary>NPS of one brand over a period, overall and per channel.</summary>
public sealed record NpsBreakdown(string Brand, NetPromoterScore Overall, IReadOnlyList<(string Channel, NetPromoterScore Nps)> ByChannel)
{
    public static NpsBreakdown Of(string brand, BrandStats stats, double z = 1.96) =>
        new(brand, NetPromoterScore.From(stats.Totals(), z),
            stats.Channels.Where(c => c.Value.NpsAnswers > 0)
                .OrderByDescending(c => c.Value.NpsAnswers).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => (c.Key, NetPromoterScore.From(c.Value, z))).ToList());
}
