using System.Text.Json.Serialization;
using KxHome.Host.Administration;
using KxHome.Host.Association;
using KxHome.Host.Associations;
using KxHome.Host.Cases;
using KxHome.Host.Health;
using KxHome.Host.Homes;
using KxHome.Host.Hosting;
using KxHome.Host.Identity;
using KxHome.Host.Reports;
using KxHome.Host.Representatives;
using KxHome.Host.Studio;
using KxHome.Workflows;

var layout = ContentLayout.Find();
var builder = WebApplication.CreateBuilder(args);
layout.AddRootSettings(builder.Configuration, builder.Environment.EnvironmentName);
layout.AnchorPaths(builder.Configuration);
if (string.Equals(builder.Configuration["Clock:Mode"], "Virtual", StringComparison.OrdinalIgnoreCase) && builder.Environment.IsProduction())
{
    throw new InvalidOperationException("Clock:Mode=Virtual is for tests, training and demos; it is refused in Production.");
}

builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ChineseProblems.Customize);
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter())); // "Completed", not 1
builder.Services.AddExceptionHandler<WorkflowProblems>();
RequestProblems.Use(builder.Services);
builder.Services.AddOpenApi(); // /openapi/v1.json
builder.Services.AddSingleton(layout);
builder.Services.AddHostedService<WorkflowFolderDeployer>(); // first: the database must exist before the job worker starts
builder.Services.AddKxWorkflows(builder.Configuration);
builder.Services.AddKxIdentity(builder.Configuration);
builder.Services.AddKxPortal(builder.Configuration);
builder.Services.AddKxAssociation();
builder.Services.AddKxHomes();
builder.Services.AddKxAssociations();
builder.Services.AddKxReports();
builder.Services.AddKxRepresentatives();
builder.Services.AddHostedService<DemoCases>(); // after the flows and the demo logins exist

var app = builder.Build();
KeyProtection.WarnIfUnprotected(app);
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment()) app.UseHsts(); // browsers then keep to HTTPS for this site
app.UseExceptionHandler();
// A refusal with nothing to say gets words: a page the site's layout and a Chinese sentence, the API problem+json (the
// status code stays either way).
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
app.RefuseOversizedRequests(); // after the status code pages, which give the refusal its words
app.UseCompressedStaticFiles();
app.UseRouting(); // after the status code pages, so that their re-execution is routed again
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi();
app.UseSwaggerUI(ui => { ui.RoutePrefix = "api/docs"; ui.SwaggerEndpoint("/openapi/v1.json", "KxHome API"); ui.DocumentTitle = "KxHome 接口文档"; });
app.MapHealth();
app.MapKxIdentity();
app.MapCases();
app.MapTasks();
app.MapAdministration();
app.MapDefinitions();
app.MapStudio();
app.MapHomes();
app.MapAssociations();
app.MapReports();
app.MapRepresentatives();
app.MapRazorPages();
app.Run();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
