using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>An embedded sub-process opens a child scope and starts a token at its none start event.</summary>
internal sealed class SubProcessBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node)
    {
        var sub = (SubProcessNode)node;
        var start = sub.Scope.NoneStart
            ?? throw new IncidentException("no-start-event", $"子流程 “{node.DisplayName}” 没有空开始事件");
        var scope = new ScopeState { Id = Ids.Random(), ParentId = token.ScopeId, ElementId = node.Id, ParentTokenId = token.Id };
        step.State.Scopes.Add(scope);
        step.ArmEventSubProcesses(scope, sub.Scope);
        token.WaitKind = WaitKind.SubProcess;
        token.WaitId = scope.Id;
        step.Enqueue(step.NewToken(start.Id, scope.Id));
        return Outcome.Wait;
    }
}
