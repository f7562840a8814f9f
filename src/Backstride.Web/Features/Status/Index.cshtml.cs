using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Status;

/// <summary>What a person sees for "not found" and for our own failures, instead of a blank error.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = "";

    public string Message { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    // Re-executed failures keep their original method, so a failed POST lands here too.
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Heading, Message) = code switch
        {
            403 => ("Not allowed", "Your account can't open this page."),
            404 => ("Not found", "We couldn't find that page. It may have been deleted, or the link may be wrong."),
            429 => ("Too many tries", "That was tried too many times from here in a short while. Please wait an hour and try again."),
            500 => ("Something went wrong", "Something went wrong on our side. Nothing was saved, so please try again."),
            _ => ("Something went wrong", "That request didn't work. Please go back and try again."),
        };
        Response.StatusCode = code is >= 400 and < 600 ? code : 400;
    }
}
