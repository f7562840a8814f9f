using Backstride.Core.Shop;
using Backstride.Data.Shop;
using Backstride.Web.Features.Shop;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Backstride.Web.Features.Admin;

/// <summary>
/// One order and what the owner does with it. Every action goes through the order store, which refuses what the order's
/// statuses do not allow (the refusal is shown as it is); after a change the customer gets the matching e-mail.
/// </summary>
public sealed class OrderDetailsModel(OrderStore orders, OrderEmails emails) : PageModel
{
    public const string TrackingNumberField = nameof(TrackingNumber);
    public const string CancelReasonField = nameof(CancelReason);
    public const string RefundAmountField = nameof(RefundAmount);
    public const string NoteTextField = nameof(NoteText);

    private static readonly Dictionary<string, string> StoreFields = new(StringComparer.Ordinal)
    {
        [OrderStore.TrackingNumberField] = TrackingNumberField,
        [OrderStore.ReasonField] = CancelReasonField,
        [OrderStore.AmountField] = RefundAmountField,
        [OrderStore.TextField] = NoteTextField,
    };

    public Order Order { get; private set; } = null!;

    [BindProperty]
    public string? TrackingNumber { get; set; }

    [BindProperty]
    public string? CancelReason { get; set; }

    /// <summary>Empty means the whole amount not yet refunded.</summary>
    [BindProperty]
    public decimal? RefundAmount { get; set; }

    [BindProperty]
    public string? NoteText { get; set; }

    public decimal Refundable => Math.Max(0, Order.Total - Order.RefundedAmount);

    public bool Allows(OrderAction action) => OrderTransitions.WhyNot(Order, action) is null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostPaidAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, order => orders.MarkPaidAsync(id, Actor, cancellationToken), email: null,
            "Marked paid.", cancellationToken);

    public Task<IActionResult> OnPostShippedAsync(Guid id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(TrackingNumber))
        {
            ModelState.AddModelError(TrackingNumberField, "Enter the tracking number, so the customer can follow the parcel.");
        }
        return ActAsync(id, order => orders.MarkShippedAsync(id, TrackingNumber!.Trim(), Actor, cancellationToken),
            emails.SendShippedAsync, "Marked shipped. The customer has been sent the tracking number.", cancellationToken);
    }

    public Task<IActionResult> OnPostDeliveredAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, order => orders.MarkDeliveredAsync(id, Actor, cancellationToken), email: null,
            "Marked delivered.", cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(CancelReason))
        {
            ModelState.AddModelError(CancelReasonField, "Say why the order is cancelled; the audit log keeps it.");
        }
        return ActAsync(id, order => orders.CancelAsync(id, CancelReason!.Trim(), Actor, cancellationToken),
            emails.SendCancelledAsync, "Order cancelled; its items are back in stock. The customer has been told.",
            cancellationToken);
    }

    public Task<IActionResult> OnPostRefundAsync(Guid id, CancellationToken cancellationToken)
    {
        if (RefundAmount is <= 0m)
        {
            ModelState.AddModelError(RefundAmountField, "Enter an amount above 0, or leave it empty to refund the rest in full.");
        }
        decimal amount = 0;
        return ActAsync(id,
            order =>
            {
                amount = RefundAmount ?? Math.Max(0, order.Total - order.RefundedAmount);
                return orders.RefundAsync(id, amount, Actor, cancellationToken);
            },
            refunded => emails.SendRefundedAsync(refunded, amount),
            "Refund recorded. The customer has been told.", cancellationToken);
    }

    public Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(NoteText))
        {
            ModelState.AddModelError(NoteTextField, "Write the note.");
        }
        return ActAsync(id, order => orders.AddNoteAsync(id, NoteText!.Trim(), Actor, cancellationToken), email: null,
            "Note added.", cancellationToken);
    }

    private AdminActor Actor => AdminRole.ActorOf(User);

    /// <summary>Loads the order, runs the store's action when the form is valid, and on success e-mails the customer.</summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<Order, Task<ShopResult<Order>>> act, Func<Order, Task>? email,
        string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await act(Order);
        if (result.Outcome == ShopOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Value is not { } changed)
        {
            ModelState.AddShopErrors(result, string.Empty, StoreFields);
            await LoadAsync(id, cancellationToken);
            return Page();
        }
        if (email is not null)
        {
            // The e-mail shows the order as stored now, with its lines, whatever the store handed back.
            await email(await orders.FindAsync(id, cancellationToken) ?? changed);
        }
        TempData["Notice"] = done;
        return Redirect($"/admin/orders/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await orders.FindAsync(id, cancellationToken) is not { } order)
        {
            return false;
        }
        Order = order;
        return true;
    }
}
