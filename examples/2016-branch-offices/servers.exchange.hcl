server "LIT-EX01" {
  site    = "Seattle"
  version = "2016"
  update  = "CU23"
  build   = "15.1.2507.72"
  roles   = ["mailbox"]
  os      = "2016"
  dotnet  = "4.8"
}

server "LIT-EX02" {
  site    = "Seattle"
  version = "2016"
  update  = "CU23"
  build   = "15.1.2507.72"
  roles   = ["mailbox"]
  os      = "2016"
  dotnet  = "4.8"
}

server "LIT-EX-OSL" {
  site    = "Oslo"
  version = "2016"
  update  = "CU23"
  build   = "15.1.2507.72"
  roles   = ["mailbox"]
  os      = "2016"
  dotnet  = "4.8"
}

dag "LIT-DAG01" {
  members = ["LIT-EX01", "LIT-EX02"]
  witness = "LIT-FS01"
}

certificate "litware-mail" {
  issuer   = "public_ca"
  subject  = "mail.litware.example"
  names    = ["mail.litware.example", "autodiscover.litware.example"]
  expires  = "2027-03-31"
  servers  = ["LIT-EX01", "LIT-EX02", "LIT-EX-OSL"]
  services = ["iis", "smtp"]
}

namespace "mail.litware.example" {
  services    = ["owa", "ews", "autodiscover", "mapi", "activesync", "oab"]
  certificate = "litware-mail"
  port        = 443
}
