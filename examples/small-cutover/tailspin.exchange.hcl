# Tailspin Toys: one Exchange 2010 server, 180 mailboxes, moving to
# Exchange Online in a single cutover migration over a weekend.

organization "Tailspin" {
  forest_functional_level = "2008R2"
}

site "Office" {}

domain_controller "TS-DC" {
  site           = "Office"
  os             = "2012R2"
  global_catalog = true
}

server "TS-EX" {
  site    = "Office"
  version = "2010"
  update  = "SP3 RU32"
  roles   = ["mailbox", "client_access", "hub_transport"]
  os      = "2012R2"
}

domain "tailspintoys.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "on_premises"
  autodiscover = "on_premises"
}

certificate "ts-mail" {
  issuer   = "public_ca"
  subject  = "mail.tailspintoys.com"
  names    = ["mail.tailspintoys.com", "autodiscover.tailspintoys.com"]
  expires  = "2027-02-28"
  servers  = ["TS-EX"]
  services = ["iis", "smtp"]
}

outlook_anywhere {
  enabled       = true
  external_host = "mail.tailspintoys.com"
  port          = 443
  certificate   = "ts-mail"
}

tenant "tailspintoys.onmicrosoft.com" {
  plan = "Business Standard"
}

migration {
  method    = "cutover"
  mailboxes = 180
}
