using System.Net;
using System.Net.Http.Json;
using Xunit.Abstractions;

namespace KxHome.Workflows.Tests.Hostile;

/// <summary>
/// Every input of <see cref="Attacks"/> against one real host: each gets a clear answer, the host keeps serving, and the
/// canary case (another case of the same district) is exactly as it was and can still be decided. Prints
/// <c>hostile.inputs_tried</c>, <c>hostile.refused_cleanly</c> and <c>hostile.crashes</c> (README records them).
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_hostile_input_gets_a_clear_answer_and_the_host_keeps_serving_with_nothing_saved_damaged()
    {
        await using var arena = await Arena.OpenAsync();
        var canary = await arena.CanaryAsync();
        var failures = new List<string>();
        var (tried, clean, crashes) = (0, 0, 0);

        foreach (var attack in Attacks.All(arena))
        {
            tried++;
            var (wrong, crashed) = await TryAsync(attack, arena);
            if (!crashed && (await arena.Anonymous.GetAsync("/health")).StatusCode != HttpStatusCode.OK) (wrong, crashed) = (wrong ?? "the host stopped serving", true);
            if (!crashed && await arena.CanaryAsync() is var now && now != canary) (wrong, canary) = (wrong ?? $"the canary case changed: {now}", now);
            if (crashed) crashes++;
            if (wrong is null) clean++;
            else failures.Add($"{attack.Name}: {wrong}");
        }

        output.WriteLine($"hostile.inputs_tried: {tried}");
        output.WriteLine($"hostile.refused_cleanly: {clean}");
        output.WriteLine($"hostile.crashes: {crashes}");
        failures.Should().BeEmpty();
        var decided = await arena.District.PostAsJsonAsync($"/api/tasks/{arena.CanaryTask}/complete", new { variables = new { approved = true } });
        decided.StatusCode.Should().Be(HttpStatusCode.OK, "the district still decides the canary case");
    }

    /// <summary>What was wrong with the answer (null: nothing), and whether the host failed (5xx, or no answer).</summary>
    private static async Task<(string? Wrong, bool Crashed)> TryAsync(Attack attack, Arena arena)
    {
        try
        {
            using var response = await attack.Send(arena);
            var wrong = await attack.JudgeAsync(arena, response);
            return (wrong, (int)response.StatusCode >= 500);
        }
        catch (HttpRequestException e)
        {
            return ($"no answer: {e.Message}", true);
        }
        catch (TaskCanceledException)
        {
            return ("no answer within two minutes", true);
        }
    }
}
