using KxHome.Workflows.Core;
using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>A call activity asks for an instance of the called process with its input variables and waits for it to end.</summary>
internal sealed class CallActivityBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node)
    {
        var call = (CallActivityNode)node;
        var key = VariableValues.Display(step.Evaluate(call.CalledElement, token)).Trim();
        if (key.Length == 0) throw new IncidentException("bad-call-activity", $"“{node.DisplayName}” 的被调用流程为空");
        var variables = step.Map(call.In, step.State.VisibleVariables(token.ScopeId));
        var child = new NewChildInstance(Ids.TimeOrdered(step.Now), token.Id, node.Id, key, call.Version, variables,
            call.PassBusinessKey ? step.State.BusinessKey : null);
        step.NewChildren.Add(child);
        token.WaitKind = WaitKind.CallActivity;
        token.WaitId = child.InstanceId;
        return Outcome.Wait;
    }
}
