using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

/// <summary>
/// One step of one instance: a start, a completed task, a finished job, a retried incident. It changes the
/// <see cref="InstanceState"/> in memory and collects everything the step did (tasks, jobs, incidents,
/// history), which the caller commits in one transaction.
/// </summary>
internal sealed partial class Step(ProcessModel model, InstanceState state, StepServices services)
{
    private readonly Queue<Token> _agenda = new();

    public ProcessModel Model => model;
    public InstanceState State => state;
    public DateTime Now { get; } = services.Clock.GetUtcNow().UtcDateTime;
    public TimeZoneInfo BusinessTimeZone => services.BusinessTimeZone;

    public List<HistoryRecord> History { get; } = [];

    /// <summary>The waits the step opened (tasks, jobs, timers, subscriptions), in the order it opened them.</summary>
    public List<Bookmark> Opened { get; } = [];

    public IEnumerable<NewUserTask> NewTasks => Opened.OfType<NewUserTask>();
    public IEnumerable<NewJob> NewJobs => Opened.OfType<NewJob>();
    public List<NewChildInstance> NewChildren { get; } = [];

    /// <summary>The signals the step threw, broadcast when it is written.</summary>
    public List<string> ThrownSignals { get; } = [];

    /// <summary>Called instances whose call activity was cancelled or interrupted: they are cancelled too.</summary>
    public List<Guid> CancelledChildren { get; } = [];

    /// <summary>The waits the step closed, done or not.</summary>
    public List<ClosedWait> ClosedWaits { get; } = [];
    public List<NewIncident> NewIncidents { get; } = [];
    public List<Guid> ClosedIncidents { get; } = [];

    /// <summary>Opens a wait; the token that waits on it (none for a boundary or start event) holds its kind and id.</summary>
    public void Open(Bookmark bookmark, Token? waiting = null)
    {
        Opened.Add(bookmark);
        if (waiting is null) return;
        waiting.WaitKind = bookmark.Kind;
        waiting.WaitId = bookmark.Id;
    }

    /// <summary>Closes a wait: done by <paramref name="completedBy"/> when a person did it.</summary>
    public void Close(WaitKind kind, Guid id, string? completedBy = null) => ClosedWaits.Add(new ClosedWait(kind, id, completedBy));

    public JsonNode? Evaluate(Expression expression, Token token) =>
        services.Expressions.Evaluate(expression, state.VisibleVariables(token.ScopeId));

    public bool IsTrue(Expression condition, Token token) => VariableValues.IsTruthy(Evaluate(condition, token));

    public void Record(HistoryKind kind, FlowNode? node, Guid? taskId = null, string? userId = null,
        string? comment = null, JsonNode? data = null) =>
        History.Add(new HistoryRecord(kind, Now, node?.Id, node?.DisplayName, taskId, userId, comment, data));

    public Token NewToken(string elementId, Guid scopeId)
    {
        var token = new Token { Id = Ids.Random(), ElementId = elementId, ScopeId = scopeId };
        state.Tokens.Add(token);
        return token;
    }

    /// <summary>Sets variables as seen from a scope: where a variable already lives, else on the process.</summary>
    public void SetVariables(Guid fromScopeId, IReadOnlyDictionary<string, JsonNode?> variables, string? userId)
    {
        foreach (var (name, value) in variables)
        {
            var owner = FindOwner(fromScopeId, name) ?? state.Root;
            SetVariable(owner, name, value, userId);
        }
    }

    /// <summary>Sets variables directly on one scope (local variables).</summary>
    public void SetLocalVariables(ScopeState scope, IReadOnlyDictionary<string, JsonNode?> variables, string? userId)
    {
        foreach (var (name, value) in variables) SetVariable(scope, name, value, userId);
    }

    private void SetVariable(ScopeState scope, string name, JsonNode? value, string? userId)
    {
        var had = scope.Variables.TryGetValue(name, out var previous);
        if (had && VariableValues.AreEqual(previous, value)) return;
        scope.Variables[name] = value?.DeepClone();
        _conditionsToCheck = true;
        var data = new JsonObject
        {
            ["name"] = name,
            ["value"] = value?.DeepClone(),
            ["previous"] = had ? previous?.DeepClone() : null,
            ["scope"] = scope.ElementId,
        };
        var node = scope.ElementId is { } id ? model.Node(id) : null;
        Record(HistoryKind.VariableSet, node, userId: userId, data: data);
    }

    private ScopeState? FindOwner(Guid scopeId, string name)
    {
        for (ScopeState? s = state.Scope(scopeId); s is not null; s = s.ParentId is { } p ? state.Scope(p) : null)
        {
            if (s.Variables.ContainsKey(name)) return s;
        }
        return null;
    }
}
