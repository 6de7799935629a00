# Draft 2: a staged migration over the weekend through Outlook Anywhere,
# published on the front-end server with the certificate IIS already had.

certificate "aw-fe-selfssl" {
  issuer  = "self_signed"
  subject = "mail.adventure-works.com"
  names   = ["mail.adventure-works.com"]
  expires = "2027-12-31"
  servers = ["AW-FE03"]
}

outlook_anywhere {
  enabled       = true
  external_host = "mail.adventure-works.com"
  port          = 443
  certificate   = "aw-fe-selfssl"
  rpc_ports     = [6001, 6002]
}

migration {
  method    = "staged"
  mailboxes = 130
  timeframe = "fast"
}
