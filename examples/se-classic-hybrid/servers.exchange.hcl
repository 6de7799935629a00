server "EX01" {
  site                 = "HQ"
  version              = "SE"
  update               = "RTM Aug26SU"
  build                = "15.2.2562.46"
  roles                = ["mailbox"]
  os                   = "2025"
  core                 = false
  dotnet               = "4.8.1"
  network              = "internal"
  tls                  = ["1.2"]
  on_domain_controller = false
}

server "EX02" {
  site                 = "DR"
  version              = "SE"
  update               = "RTM Aug26SU"
  build                = "15.2.2562.46"
  roles                = ["mailbox"]
  os                   = "2025"
  core                 = false
  dotnet               = "4.8.1"
  network              = "internal"
  tls                  = ["1.2"]
  on_domain_controller = false
}

# Two members, so the DAG uses its witness: a file server in the HQ site,
# neither a member nor a domain controller.
dag "DAG01" {
  members = ["EX01", "EX02"]
  witness = "FS01"
}
