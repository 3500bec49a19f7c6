using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Listening.Ml.Training;

/// <summary>
/// What a model's training arithmetic ran on. Training is deterministic on one machine (same rows, same order, one optimiser
/// thread, fixed seed: the same bytes twice), but not across machines: ML.NET's L-BFGS sums its 3 × 2^20 weights and gradients
/// with <c>TensorPrimitives</c>, which takes the widest vectors the CPU accelerates, so a machine with AVX-512 adds in another
/// order than one with AVX2 only, the last bits differ, and 200 iterations carry that into different weights (round 10: the
/// honest model trained at 256 bits moves the honest figures by up to 0.005 — model card, "Training"). Recorded with the
/// model (<see cref="Prediction.SentimentModel.PlatformEntry"/>) so a re-training can tell whether it should give the same
/// bytes; <c>DOTNET_PreferredVectorBitWidth</c> narrows the width on a wider machine.
/// </summary>
/// <param name="VectorBits">The widest hardware-accelerated vector: 512, 256, 128, or 0 (scalar).</param>
/// <param name="Runtime">The .NET runtime (its JIT and <c>TensorPrimitives</c> decide the order of the sums).</param>
/// <param name="Tensors">The System.Numerics.Tensors assembly version ML.NET ran with.</param>
public sealed record TrainingPlatform(int VectorBits, string Runtime, string Tensors)
{
    /// <summary>This process's platform.</summary>
    public static TrainingPlatform Current { get; } = new(
        Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0,
        RuntimeInformation.FrameworkDescription,
        typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.GetName().Version?.ToString() ?? "");

    public override string ToString() => $"{(VectorBits > 0 ? $"{VectorBits}-bit vectors" : "scalar")}, {Runtime}, System.Numerics.Tensors {Tensors}";
}
