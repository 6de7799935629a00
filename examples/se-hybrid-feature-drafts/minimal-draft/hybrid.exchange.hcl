# The draft keeps free/busy and MailTips between the people already moved
# and the others, and turns on hybrid modern authentication for Outlook.

hybrid {
  topology       = "classic_minimal"
  servers        = ["EX01", "EX02"]
  domains        = ["fourthcoffee.com"]
  tenants        = ["fourthcoffee.onmicrosoft.com"]
  certificate    = "mail-2027"
  features       = ["free_busy", "mailtips", "online_archive"]
  modern_auth    = true
  dedicated_app  = true
  inbound_ports  = [443]
  outbound_ports = [443, 80]
}
