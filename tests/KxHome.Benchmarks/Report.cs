using System.Globalization;

namespace KxHome.Benchmarks;

/// <summary>Prints figures as <c>name: value</c> lines.</summary>
internal static class Report
{
    public static void Line(string name, double value, string format = "0.0") =>
        Console.WriteLine($"{name}: {value.ToString(format, CultureInfo.InvariantCulture)}");

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
