namespace KxHome.Workflows.Tests.Support;

/// <summary>Turns an anonymous object into a variables map: <c>Vars.Of(new { approved = true })</c>.</summary>
public static class Vars
{
    public static IReadOnlyDictionary<string, object?>? Of(object? values) => values switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> map => map,
        _ => values.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(values)),
    };
}
