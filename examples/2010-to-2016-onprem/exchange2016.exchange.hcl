# The new Exchange 2016 servers.

server "NW-EX16-01" {
  site    = "London"
  version = "2016"
  update  = "CU23"
  build   = "15.1.2507.72"
  roles   = ["mailbox"]
  os      = "2016"
  dotnet  = "4.8"
}

server "NW-EX16-02" {
  site    = "Leeds"
  version = "2016"
  update  = "CU23"
  build   = "15.1.2507.72"
  roles   = ["mailbox"]
  os      = "2016"
  dotnet  = "4.8"
}

dag "NW-DAG16" {
  members = ["NW-EX16-01", "NW-EX16-02"]
  witness = "NW-FS01"
}

namespace "mail.northwind.example" {
  services    = ["owa", "ews", "autodiscover", "outlook_anywhere", "mapi", "activesync"]
  certificate = "nw-mail"
  port        = 443
}

certificate "nw-mail" {
  issuer   = "public_ca"
  subject  = "mail.northwind.example"
  names    = ["mail.northwind.example", "autodiscover.northwind.example"]
  expires  = "2027-01-31"
  servers  = ["NW-EX16-01", "NW-EX16-02"]
  services = ["iis", "smtp"]
}

clients {
  outlook = ["2013", "2016"]
}
