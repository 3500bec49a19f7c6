using System.Globalization;
using System.Text.Json.Nodes;

namespace Listening.Ml.Tests.Evaluation;

/// <summary>
/// The sentiment card's headline is the shipped model's honest table with the peers beside it. The card's tables are written
/// by scripts/peers/headline.py from evaluation.json and peers.json; these tests keep them from drifting apart when a model
/// ships with a new evaluation.json and the card is not rewritten.
/// </summary>
public class ModelCardTests
{
    private static readonly string[] Peers = ["logreg", "svm", "fasttext"];

    [Fact]
    public void The_cards_headline_gives_every_honest_split_as_evaluation_json_and_peers_json_record_it()
    {
        var rows = Rows(Block("headline"));
        var evaluation = JsonNode.Parse(File.ReadAllText(TestPaths.ShippedEvaluation))!;
        var peers = JsonNode.Parse(File.ReadAllText(TestPaths.PeersEvaluation))!["splits"]!;
        var honest = evaluation["honest"]!.AsArray();
        Assert.NotEmpty(honest);
        foreach (var s in honest)
        {
            var name = (string)s!["name"]!;
            Assert.True(rows.TryGetValue(name, out var cells), $"the card's headline has no row for {name}");
            // split | kind | metric | n | ours | LR | SVM | fastText | ours − best peer | random dev | gap
            Assert.Equal((string)s["kind"]!, cells[1]);
            Assert.Equal((string)s["metric"]!, cells[2]);
            Assert.Equal((int)s["n"]!, int.Parse(cells[3], CultureInfo.InvariantCulture));
            Assert.Equal(F4((double)s["value"]!), cells[4]);
            for (var i = 0; i < Peers.Length; i++)
            {
                var peer = peers[$"honest|{name}"]![Peers[i]]!;
                Assert.Equal((int)s["n"]!, (int)peer["n"]!); // the peers were scored on the same test rows
                Assert.Equal(F4((double)peer["value"]!), cells[5 + i]);
            }
            Assert.Equal(F4((double)s["randomDev"]!), cells[9]);
        }
        Assert.Equal(honest.Count, rows.Keys.Count(k => !k.StartsWith("mean", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_cards_targets_say_met_or_by_how_much_each_is_missed_as_evaluation_json_records_it()
    {
        var rows = Rows(Block("targets"), keyColumn: 1);
        var evaluation = JsonNode.Parse(File.ReadAllText(TestPaths.ShippedEvaluation))!;
        foreach (var s in evaluation["honest"]!.AsArray())
        {
            if (s!["target"] is not { } t) continue;
            var name = (string)s["name"]!;
            Assert.True(rows.TryGetValue(name, out var cells), $"the card's targets have no row for {name}");
            Assert.Equal(F4((double)s["value"]!), cells[3]);
            var gap = (double)t["minimum"]! - (double)s["value"]!;
            Assert.Equal((bool)t["met"]! ? "met" : $"missed by {F4(gap)}", cells[5]);
        }
    }

    private static string F4(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>The lines between the card's &lt;!-- name:begin --&gt; and &lt;!-- name:end --&gt; markers.</summary>
    private static string[] Block(string name)
    {
        var lines = File.ReadAllLines(TestPaths.ModelCard);
        var begin = Array.IndexOf(lines, $"<!-- {name}:begin -->");
        var end = Array.IndexOf(lines, $"<!-- {name}:end -->");
        Assert.True(begin >= 0 && end > begin, $"the card has no {name} block");
        return lines[(begin + 1)..end];
    }

    /// <summary>A markdown table's body rows by one column's text, every cell without its bold marks.</summary>
    private static Dictionary<string, string[]> Rows(string[] block, int keyColumn = 0) =>
        block.Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("|---", StringComparison.Ordinal))
            .Skip(1) // the header
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim().Replace("**", "", StringComparison.Ordinal)).ToArray())
            .ToDictionary(c => c[keyColumn]);
}
