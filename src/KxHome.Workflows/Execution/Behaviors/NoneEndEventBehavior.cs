using KxHome.Workflows.Model;

namespace KxHome.Workflows.Execution.Behaviors;

/// <summary>A none end event consumes the token; the scope ends when its last token does.</summary>
internal sealed class NoneEndEventBehavior : IFlowNodeBehavior
{
    public Outcome Execute(Step step, Token token, FlowNode node) => Outcome.End;
}
