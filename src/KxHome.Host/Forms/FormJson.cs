using System.Text.Encodings.Web;
using System.Text.Json;

namespace KxHome.Host.Forms;

/// <summary>Form data as JSON with Chinese kept readable; it is always HTML-encoded again where a page shows it.</summary>
public static class FormJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
