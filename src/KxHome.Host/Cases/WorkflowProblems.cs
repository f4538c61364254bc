using KxHome.Workflows.Core;
using KxHome.Workflows.Runtime;
using Microsoft.AspNetCore.Diagnostics;

namespace KxHome.Host.Cases;

/// <summary>
/// Turns the engine's refusals (and a sign-in whose person is gone) into problem+json with their code and Chinese
/// message; never a stack trace.
/// </summary>
public sealed class WorkflowProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            WorkflowNotFoundException => StatusCodes.Status404NotFound,
            NotAllowedException => StatusCodes.Status403Forbidden,
            WorkflowConflictException => StatusCodes.Status409Conflict,
            BpmnValidationException => StatusCodes.Status422UnprocessableEntity,
            WorkflowException => StatusCodes.Status400BadRequest,
            UnauthorizedAccessException => StatusCodes.Status401Unauthorized, // a sign-in whose person no longer exists
            _ => 0,
        };
        if (status == 0) return false;
        http.Response.StatusCode = status;
        var title = exception is UnauthorizedAccessException ? "请重新登录" : exception.Message;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title };
        if (exception is WorkflowException { Code: var code }) details.Extensions["code"] = code;
        if (exception is BpmnValidationException invalid) details.Extensions["problems"] = invalid.Problems;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }
}
