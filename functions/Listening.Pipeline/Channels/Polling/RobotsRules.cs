using System.Text.RegularExpressions;

namespace Listening.Channels.Polling;

/// <summary>
/// The robots.txt rules that apply to our user agent: the group naming it, else the <c>*</c> group.
/// Longest matching Allow/Disallow wins (RFC 9309); <c>*</c> and a trailing <c>$</c> are supported.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(bool Allow, string Pattern, Regex Match)> _rules;

    private RobotsRules(List<(bool, string, Regex)> rules) => _rules = rules;

    public static readonly RobotsRules AllowAll = new([]);

    public static RobotsRules Parse(string text, string userAgent)
    {
        var token = userAgent.Split('/')[0].Trim().ToLowerInvariant();
        var groups = new List<(List<string> Agents, List<(bool, string)> Rules)>();
        (List<string> Agents, List<(bool, string)> Rules)? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#')[0].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (current is null || !lastWasAgent) { current = ([], []); groups.Add(current.Value); }
                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
            }
            else if (key is "allow" or "disallow" && current is not null)
            {
                lastWasAgent = false;
                if (value.Length > 0) current.Value.Rules.Add((key == "allow", value));
            }
            else lastWasAgent = false;
        }
        var group = groups.FirstOrDefault(g => g.Agents.Any(a => a != "*" && token.Contains(a)));
        if (group.Agents is null) group = groups.FirstOrDefault(g => g.Agents.Contains("*"));
        if (group.Agents is null) return AllowAll;
        return new RobotsRules(group.Rules.Select(r => (r.Item1, r.Item2, ToRegex(r.Item2))).ToList());
    }

    public bool Allows(Uri url)
    {
        var path = url.PathAndQuery;
        var best = _rules.Where(r => r.Match.IsMatch(path)).OrderByDescending(r => r.Pattern.Length).ThenByDescending(r => r.Allow).FirstOrDefault();
        return best.Pattern is null || best.Allow;
    }

    private static Regex ToRegex(string pattern)
    {
        var anchored = pattern.EndsWith('$');
        var body = Regex.Escape(anchored ? pattern[..^1] : pattern).Replace(@"\*", ".*");
        return new Regex("^" + body + (anchored ? "$" : ""), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }
}
