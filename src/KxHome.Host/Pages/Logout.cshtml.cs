using KxHome.Host.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KxHome.Host.Pages;

/// <summary>Signs out (POST only, with the anti-forgery token, so a link cannot sign anyone out).</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.Context.SignOutAsync(IdentityConstants.ApplicationScheme);
        return Redirect("/login");
    }
}
