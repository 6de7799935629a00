# Two Mailbox servers in a DAG, and the server installed in 2021 for the
# first mailbox moves, which still runs the hybrid endpoints.

server "LIT-EX01" {
  site    = "Redmond"
  version = "2019"
  update  = "CU14 Nov24SUv2"
  build   = "15.2.1544.14"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "LIT-EX02" {
  site    = "Redmond"
  version = "2019"
  update  = "CU14 Nov24SUv2"
  build   = "15.2.1544.14"
  roles   = ["mailbox"]
  os      = "2022"
  dotnet  = "4.8.1"
  network = "internal"
  tls     = ["1.2"]
}

server "LIT-HYB01" {
  site    = "Redmond"
  version = "2019"
  update  = "CU11"
  build   = "15.2.986.5"
  roles   = ["mailbox"]
  os      = "2019"
  dotnet  = "4.8"
  network = "internal"
  tls     = ["1.2"]
}

dag "LIT-DAG01" {
  members = ["LIT-EX01", "LIT-EX02"]
  witness = "LIT-FS01"
}
