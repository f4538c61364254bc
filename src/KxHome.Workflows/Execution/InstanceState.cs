using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

/// <summary>The complete runtime state of one process instance; stored as one JSON document per instance.</summary>
internal sealed class InstanceState
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public string? BusinessKey { get; set; }
    public InstanceStatus Status { get; set; }

    /// <summary>For an instance started by a call activity: the calling instance and its waiting token.</summary>
    public Guid? ParentInstanceId { get; set; }

    public Guid? ParentTokenId { get; set; }
    public List<ScopeState> Scopes { get; set; } = [];
    public List<Token> Tokens { get; set; } = [];

    [JsonIgnore] // the first of Scopes: written once
    public ScopeState Root => Scopes[0];

    public ScopeState Scope(Guid id) => Scopes.First(s => s.Id == id);

    public Token? TokenWaitingOn(Guid waitId) => Tokens.FirstOrDefault(t => t.WaitId == waitId);

    /// <summary>
    /// Whether a timer of the instance may be armed: a token waits on one, or events (timers among them or not) are
    /// armed on a token or a scope. Every timer row belongs to one of these waits, so false means the instance has none.
    /// </summary>
    [JsonIgnore] // worked out from the tokens and scopes
    public bool MayHaveTimers =>
        Tokens.Any(t => t.WaitKind == WaitKind.Timer || t.BoundaryEvents is { Count: > 0 }) || Scopes.Any(s => s.EventTriggers is { Count: > 0 });

    /// <summary>The value of a variable as seen from a scope: its own, else the nearest enclosing scope's.</summary>
    public IReadOnlyDictionary<string, JsonNode?> VisibleVariables(Guid scopeId)
    {
        var chain = new List<ScopeState>();
        for (ScopeState? s = Scope(scopeId); s is not null; s = s.ParentId is { } p ? Scope(p) : null) chain.Add(s);
        if (chain.Count == 1) return chain[0].Variables;
        var merged = new Dictionary<string, JsonNode?>();
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var (name, value) in chain[i].Variables) merged[name] = value;
        }
        return merged;
    }
}

/// <summary>A process or embedded sub-process scope instance with its local variables.</summary>
internal sealed class ScopeState
{
    public Guid Id { get; set; }
    public Guid? ParentId { get; set; }

    /// <summary>The sub-process element; null for the process itself.</summary>
    public string? ElementId { get; set; }

    /// <summary>The token waiting on the sub-process element in the parent scope.</summary>
    public Guid? ParentTokenId { get; set; }

    public Dictionary<string, JsonNode?> Variables { get; set; } = [];

    /// <summary>The start events of this scope's event sub-processes that wait: timer or subscription id → start event id.</summary>
    public Dictionary<Guid, string>? EventTriggers { get; set; }
}

/// <summary>A token: where one path of execution is and what it waits on.</summary>
internal sealed class Token
{
    public Guid Id { get; set; }
    public string ElementId { get; set; } = "";
    public Guid ScopeId { get; set; }
    public TokenStatus Status { get; set; }

    /// <summary>The flow the token arrived by; joins count arrivals per flow.</summary>
    public string? ArrivedVia { get; set; }

    public WaitKind WaitKind { get; set; }

    /// <summary>
    /// The user task, job, child scope, timer, multi-instance body scope, message subscription or called instance the
    /// token waits on.
    /// </summary>
    public Guid? WaitId { get; set; }

    public Guid? IncidentId { get; set; }

    /// <summary>One instance of a multi-instance activity: when its activity is done it ends its instance, not the flow.</summary>
    public bool MultiInstanceInner { get; set; }

    /// <summary>
    /// The boundary events armed while the token waits at an activity: timer or message subscription id → boundary
    /// event id.
    /// </summary>
    public Dictionary<Guid, string>? BoundaryEvents { get; set; }

    /// <summary>Whether the incident happened while running the element or while choosing where to leave it.</summary>
    public IncidentPhase IncidentPhase { get; set; }
}

internal enum TokenStatus { Active, Waiting, Joining, Incident }

/// <summary>
/// What a waiting token waits on. <see cref="EventGateway"/>: the first of the events after an event-based gateway
/// (armed on the token as boundary events are, so it has no wait id of its own). <see cref="Condition"/>: a conditional
/// catch event's condition (nothing stored but the token).
/// </summary>
internal enum WaitKind { None, UserTask, Job, SubProcess, Timer, MultiInstance, Message, CallActivity, EventGateway, Condition }

internal enum IncidentPhase { Execute, Leave }
