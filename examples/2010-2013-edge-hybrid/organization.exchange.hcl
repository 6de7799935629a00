# Litware, Inc.: an Exchange 2010 organization that added Exchange 2013
# servers and an Exchange 2013 Edge Transport server in 2016, and now plans a
# full hybrid deployment to move its remaining mailboxes to Exchange Online.
# This is the inventory the migration team committed before the project
# starts: exlint shows what has to be fixed first.

organization "Litware" {
  forest_functional_level = "2008R2"
  native_mode             = true
}

site "Redmond" {}
site "Fargo" {}

domain_controller "LIT-DC01" {
  site           = "Redmond"
  os             = "2012R2"
  global_catalog = true
  read_only      = false
}

domain_controller "LIT-DC02" {
  site           = "Fargo"
  os             = "2012R2"
  global_catalog = true
  read_only      = false
}

domain "litwareinc.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "on_premises"
  autodiscover = "on_premises"
}

certificate "litware-mail" {
  issuer   = "public_ca"
  subject  = "mail.litwareinc.com"
  names    = ["mail.litwareinc.com", "autodiscover.litwareinc.com", "smtp.litwareinc.com"]
  expires  = "2027-06-30"
  servers  = ["LIT-EX13-01", "LIT-EX13-02", "LIT-EDGE13"]
  services = ["iis", "smtp"]
}

tenant "litwareinc.onmicrosoft.com" {
  plan = "E3"
}

directory_sync {
  enabled                   = true
  tool                      = "entra_connect"
  host_os                   = "2019"
  sign_in                   = "password_hash_sync"
  exchange_hybrid_writeback = true
}

hybrid {
  topology       = "classic_full"
  servers        = ["LIT-EX13-01", "LIT-EX13-02"]
  edge_servers   = ["LIT-EDGE13"]
  domains        = ["litwareinc.com"]
  tenants        = ["litwareinc.onmicrosoft.com"]
  certificate    = "litware-mail"
  inbound_ports  = [25, 443]
  outbound_ports = [25, 443, 80]
}

migration {
  method    = "hybrid"
  mailboxes = 1850
}
