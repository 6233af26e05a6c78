using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace AsyncLead.Web;

public enum LinkCheck
{
    Valid,
    Expired,
    Invalid,
}
