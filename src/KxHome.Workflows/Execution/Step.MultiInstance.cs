using System.Text.Json.Nodes;
using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution;

// Multi-instance: the token at the activity waits on a body scope holding nrOfInstances, nrOfActiveInstances and
// nrOfCompletedInstances; each instance runs the activity in its own child scope with loopCounter and the item.
internal sealed partial class Step
{
    private const int MaxInstances = 1_000;

    private Outcome StartMultiInstance(Token token, FlowNode node, MultiInstanceSettings settings)
    {
        var items = Items(token, node, settings);
        if (items.Count == 0) return new LeaveOutcome(FlowSelection.ForActivity(this, token, node));
        var body = new ScopeState { Id = Ids.Random(), ParentId = token.ScopeId, ElementId = node.Id, ParentTokenId = token.Id };
        body.Variables["nrOfInstances"] = items.Count;
        body.Variables["nrOfActiveInstances"] = 0;
        body.Variables["nrOfCompletedInstances"] = 0;
        body.Variables[ItemsVariable] = new JsonArray(items.Select(i => i?.DeepClone()).ToArray());
        state.Scopes.Add(body);
        token.WaitKind = WaitKind.MultiInstance;
        token.WaitId = body.Id;
        var first = settings.Sequential ? 1 : items.Count;
        for (var i = 0; i < first; i++) StartInstance(body, node, settings, i);
        return Outcome.Wait;
    }

    /// <summary>
    /// The inner token's activity is done: count it, then finish the body or start the next instance. A completion
    /// condition that cannot be evaluated stops this instance with an incident, uncounted, until it is retried.
    /// </summary>
    private void EndInstance(Token inner, FlowNode node)
    {
        var innerScope = state.Scope(inner.ScopeId);
        var body = state.Scope(innerScope.ParentId!.Value);
        var settings = node.MultiInstance!;
        Count(body, "nrOfActiveInstances", -1);
        var completed = Count(body, "nrOfCompletedInstances", +1);
        var total = Number(body, "nrOfInstances");
        bool done;
        try
        {
            done = completed >= total || (settings.CompletionCondition is { } condition && IsTrue(condition, inner));
        }
        catch (Exception ex) when (ex is Expressions.ExpressionException)
        {
            Count(body, "nrOfActiveInstances", +1);
            Count(body, "nrOfCompletedInstances", -1);
            RaiseIncident(inner, node, ex, IncidentPhase.Leave);
            return;
        }
        state.Tokens.Remove(inner);
        state.Scopes.Remove(innerScope);
        if (done)
        {
            FinishBody(body);
        }
        else if (settings.Sequential && completed < total)
        {
            StartInstance(body, node, settings, completed);
        }
    }

    private void FinishBody(ScopeState body)
    {
        foreach (var innerScope in state.Scopes.Where(s => s.ParentId == body.Id).ToList())
        {
            foreach (var other in state.Tokens.Where(t => t.ScopeId == innerScope.Id).ToList()) CancelToken(other, userId: null);
            state.Scopes.Remove(innerScope);
        }
        state.Scopes.Remove(body);
        var outer = state.Tokens.First(t => t.Id == body.ParentTokenId);
        if (outer.Status != TokenStatus.Incident) Continue(outer);
    }

    /// <summary>The body is cancelled (its token was cancelled or interrupted): every running instance goes with it.</summary>
    private void CancelMultiInstance(Guid bodyId)
    {
        foreach (var innerScope in state.Scopes.Where(s => s.ParentId == bodyId).ToList())
        {
            foreach (var inner in state.Tokens.Where(t => t.ScopeId == innerScope.Id).ToList()) CancelToken(inner, userId: null);
            state.Scopes.Remove(innerScope);
        }
        state.Scopes.RemoveAll(s => s.Id == bodyId);
    }

    private void StartInstance(ScopeState body, FlowNode node, MultiInstanceSettings settings, int index)
    {
        var scope = new ScopeState { Id = Ids.Random(), ParentId = body.Id, ElementId = node.Id };
        scope.Variables["loopCounter"] = index;
        if (settings.ElementVariable is { } name) scope.Variables[name] = body.Variables[ItemsVariable]![index]?.DeepClone();
        state.Scopes.Add(scope);
        Count(body, "nrOfActiveInstances", +1);
        var inner = NewToken(node.Id, scope.Id);
        inner.MultiInstanceInner = true;
        Enqueue(inner);
    }

    private List<JsonNode?> Items(Token token, FlowNode node, MultiInstanceSettings settings)
    {
        List<JsonNode?> items;
        if (settings.Collection is { } collection)
        {
            items = Evaluate(collection, token) is JsonArray array
                ? array.Select(i => i?.DeepClone()).ToList()
                : throw new IncidentException("bad-multi-instance", $"“{node.DisplayName}” 的集合 “{collection.Source}” 不是列表");
        }
        else
        {
            var value = Evaluate(settings.Cardinality!, token);
            items = double.TryParse(VariableValues.Display(value), System.Globalization.NumberStyles.Float,
                        System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0 && n == Math.Floor(n)
                ? Enumerable.Repeat<JsonNode?>(null, (int)Math.Min(n, MaxInstances + 1)).ToList()
                : throw new IncidentException("bad-multi-instance", $"“{node.DisplayName}” 的实例数 “{VariableValues.Display(value)}” 不是非负整数");
        }
        return items.Count <= MaxInstances
            ? items
            : throw new IncidentException("bad-multi-instance", $"“{node.DisplayName}” 的实例数超过上限 {MaxInstances}");
    }

    private const string ItemsVariable = "__items";

    private static int Number(ScopeState scope, string name) => scope.Variables[name]!.GetValue<int>();

    private static int Count(ScopeState scope, string name, int by)
    {
        var value = Number(scope, name) + by;
        scope.Variables[name] = value;
        return value;
    }
}
