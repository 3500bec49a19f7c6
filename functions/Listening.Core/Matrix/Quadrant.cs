namespace Listening.Core.Matrix;

/// <summary>Where a factor sits in the action matrix; the order is the order of the report's table.</summary>
public enum Quadrant { Fix, Promote, Maintain, Watch, Insufficient }
