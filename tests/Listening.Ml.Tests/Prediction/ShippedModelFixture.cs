using Listening.Ml.Prediction;

namespace Listening.Ml.Tests.Prediction;

/// <summary>Loads the committed model once for every test class that needs it.</summary>
public sealed class ShippedModelFixture
{
    public PooledSentimentScorer Scorer { get; } = PooledSentimentScorer.Load(TestPaths.ShippedModel);
}

[CollectionDefinition(Name)]
public sealed class ShippedModelCollection : ICollectionFixture<ShippedModelFixture>
{
    public const string Name = "shipped model";
}
